import { storePackage } from "../../tsup.shared";

export default storePackage();
