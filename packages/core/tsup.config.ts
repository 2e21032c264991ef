import { singleEntryPackage } from "../../tsup.shared";

export default singleEntryPackage();
