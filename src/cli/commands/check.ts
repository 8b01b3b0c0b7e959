import type { Command } from "../io";
import { UserError } from "../io";

export const run: Command = async () => {
  throw new UserError("check is not built yet");
};
