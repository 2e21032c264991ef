import { vendorPackage } from "../../tsup.shared";

export default vendorPackage();
