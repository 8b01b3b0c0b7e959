// Review: the items due now (the scheduler's review queue), asked like practice. When nothing is
// due it says so, says when the next item is due, and offers practice (p).
import type { ScreenProps } from "../context";
import { REVIEW_SESSION } from "../practice-store";
import { Practice } from "./Practice";

export function Review(props: ScreenProps) {
  return <Practice {...props} session={REVIEW_SESSION} />;
}
