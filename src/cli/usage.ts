export const USAGE = `sigmoid-trainer — learn and drill the derivative of the sigmoid, σ′(x) = σ(x)(1 − σ(x))

Usage:
  sigmoid-trainer                         the interactive trainer (plain mode when not a TTY)
  sigmoid-trainer learn|practice|review|quiz|explore
                                          open the trainer at that screen
      --plain  --json  --seed N  --count N  --skill ID  --lang ja|en
      --content DIR (repeatable)  --data-dir DIR  --no-color  --ascii  --screen-reader
      In plain mode, type an answer per line, or :hint :skip :retry :quit :help
      (end of input or Ctrl+C stops and keeps every answer given).
  sigmoid-trainer quiz --seed N --count N [--skill ID ...] [--time MINUTES] [--name NAME]
                      [--out FILE] [--no-hints]   or   quiz --config session.yaml [--name NAME]
                                          the same questions for everyone with that seed; the
                                          result file is written after every answer
  sigmoid-trainer quiz --join URL --name NAME [--plain] [--json] [--lang ja|en]
                                          join a live session: the instructor's server grades
  sigmoid-trainer calc [--json] [X ...]   σ(x) and σ′(x); X read from stdin lines when none given
  sigmoid-trainer check --quantity sigmoid|derivative (--x X | --formula) --answer A
                        [--digits N] [--json]
                                          grade an answer: exit 0 correct, 1 not correct, 2 invalid
  sigmoid-trainer validate [DIR ...] [--content DIR] [--seeds N]
                                          check content files (DIRs replace the shipped course,
                                          --content adds a pack to it) and self-test N variants
                                          of each exercise (default 50); exit 1 on problems
  sigmoid-trainer schema                  JSON Schema of the content files
  sigmoid-trainer stats [--json]          progress so far
  sigmoid-trainer export [--format json|csv]
                                          every answer, for an instructor (json is the default)
  sigmoid-trainer reset [--skill ID] [--yes]
                                          forget progress, after a backup
      stats, export and reset also take --data-dir DIR and --lang ja|en.
  sigmoid-trainer report FILE|DIR... [--format md|csv|json] [--seed N | --config FILE]
                      [--lang ja|en] [--content DIR]
                                          a cohort's quiz results in one report (md by default);
                                          tampered or mismatched files are listed apart
  sigmoid-trainer report --server URL --token T [--format md|csv|json]
                                          the same report from a live session's server
  sigmoid-trainer serve [quiz options | --config FILE] [--host H] [--port N]
                      [--feedback now|end] [--database DIR|postgres://…] [--resume CODE]
                      [--export DIR] [--lang ja|en] [--json]
                                          a live session: the server grades, learners join
                                          with quiz --join, the instructor watches /dashboard

  --help, -h      this text          --version, -v   the version

Data lives in --data-dir, else $SIGMOID_TRAINER_HOME, else the XDG state directory.
`;
