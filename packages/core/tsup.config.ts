import { corePackage } from "../../tsup.shared";

export default corePackage();
