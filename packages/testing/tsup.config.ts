import { testingPackage } from "../../tsup.shared";

export default testingPackage();
