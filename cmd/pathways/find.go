package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/guides/finder"
	"pathways/tui"
	"pathways/tui/render"
)

func (a *app) findCmd() *cobra.Command {
	var answersPath string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "find",
		Short: "Answer a few questions; list the guides that apply to you, and why",
		Long: `Ask a few questions about your situation and list the guides that apply, what you can act on now first, each with its reason in one sentence.

On a terminal the questions are asked in a form. With --answers they are read from a YAML or JSON file instead ("-" reads standard input), for scripts:

  location: in-canada          # or outside-canada
  status: graduate             # student, graduate, worker, visitor, none
  study: {credential: master, months: 16, completed: true}
                               # credential: bachelor, master, doctoral,
                               # university-certificate, college-diploma,
                               # certificate (school not given), none
  job_offer: none              # none, lmia, lmia-exempt, unsure
  canadian_skilled_months: 4   # TEER 0-3 work in Canada, last 3 years
  foreign_skilled_months: 24
  teer: 1                      # 0-5
  clb: 7                       # lowest of the four abilities; 0 if untested
  pr_application: none         # express-entry-profile, express-entry-applied,
                               # pnp-nominated, pnp-applied
  partner: worker-teer-0-1     # none, student-master-16-months-plus,
                               # student-doctoral, student-professional,
                               # student-other, worker-teer-0-1,
                               # worker-teer-2-3-listed, worker-other,
                               # canadian-or-pr
  partner_permit_months: 20    # months left on a working partner's permit

A missing key means "not answered"; an unknown key or value is an error that names the allowed ones.

Prints one guide per line: its slug, a tab, the reason (on a terminal: each slug, with its reason wrapped under it). The guides ruled out, the answers that would sharpen the result, and the reminder that this is orientation, not an eligibility decision, go to standard error.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.library(false)
			if err != nil {
				return err
			}
			ans, err := a.findAnswers(answersPath)
			if err != nil {
				return err
			}
			res := finder.Find(lib, ans, a.now())
			if asJSON {
				return a.writeJSON(findJSON(res))
			}
			t, err := a.terminalTable()
			switch {
			case err != nil:
				return err
			case t != nil:
				if err := t.find(a.stdout, res.Matches); err != nil {
					return err
				}
			default:
				for _, m := range res.Matches {
					fmt.Fprintf(a.stdout, "%s\t%s\n", m.Guide.Slug, m.Reason)
				}
			}
			a.printFindNotes(res)
			return nil
		},
	}
	cmd.Flags().StringVar(&answersPath, "answers", "", "read the answers from `FILE` (YAML or JSON; - for standard input)")
	cmd.Flags().BoolVar(&a.accessibleFlag, "accessible", false, "ask the questions one line at a time, for screen readers (also ACCESSIBLE=1)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array for scripts")
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

// maxAnswersBytes bounds what is read of an answers file: a real one is a
// few hundred bytes, and /dev/zero never ends.
const maxAnswersBytes = guides.MaxFrontMatterBytes

// readLimited reads r up to maxAnswersBytes, and fails past that.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxAnswersBytes+1))
	if err == nil && len(data) > maxAnswersBytes {
		err = fmt.Errorf("over the %d KiB limit", maxAnswersBytes>>10)
	}
	return data, err
}

// readAnswersFile reads the answers file at path (- for standard input)
// up to maxAnswersBytes; name is how messages should call it.
func (a *app) readAnswersFile(path string) (name string, data []byte, err error) {
	if path == "-" {
		data, err = readLimited(a.stdin)
		name = "standard input"
	} else {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			data, err = readLimited(f)
			f.Close()
		}
		name = guides.SanitizeLine(path)
	}
	if err != nil {
		err = usage(fmt.Errorf("answers file %s: %v", name, describeErr(err)))
	}
	return name, data, err
}

// formStyle is the style of a form drawn on standard error: on a
// terminal, or in accessible mode possibly over a pipe, and then plain.
func (a *app) formStyle() (string, error) {
	o := a.output(a.stderr)
	o.Terminal = o.Terminal || !a.accessible()
	style, err := render.ResolveStyle(o)
	if err != nil {
		return "", usage(err)
	}
	return style, nil
}

// findAnswers reads the answers from a file, standard input or the form.
func (a *app) findAnswers(path string) (finder.Answers, error) {
	if path == "" {
		if isTerminal(a.stdin) && isTerminal(a.stderr) || a.accessible() {
			return a.askFinder()
		}
		a.errorf("find needs a terminal to ask its questions; give the answers in a file instead: pathways find --answers FILE (YAML or JSON)")
		return finder.Answers{}, exitCode(exitUsage)
	}
	name, data, err := a.readAnswersFile(path)
	if err != nil {
		return finder.Answers{}, err
	}
	ans, err := finder.ParseAnswers(data)
	var ae *finder.AnswersError
	if errors.As(err, &ae) {
		for _, p := range ae.Problems {
			a.errorf("%s: %s", name, p)
		}
		return finder.Answers{}, exitCode(exitUsage)
	}
	return ans, err
}

// accessible reports huh's accessible mode: --accessible or ACCESSIBLE set.
// The questions are then asked a line at a time, without redrawing, which
// screen readers can follow; it works on any input, a pipe included.
func (a *app) accessible() bool { return a.accessibleFlag || a.getenv("ACCESSIBLE") != "" }

// askFinder asks the questions in a form drawn on standard error, so that
// standard output can still be redirected.
func (a *app) askFinder() (finder.Answers, error) {
	style, err := a.formStyle()
	if err != nil {
		return finder.Answers{}, err
	}
	ans, err := tui.AskFinder(style, a.accessible(), a.stdin, a.stderr)
	if errors.Is(err, tui.ErrCancelled) {
		a.errorf("cancelled")
		return ans, exitCode(130)
	}
	return ans, err
}

// printFindNotes writes what is not a guide to stderr: the guides ruled
// out and why, the answers that would sharpen the result, and the note.
func (a *app) printFindNotes(res finder.Result) {
	if len(res.RuledOut) > 0 {
		fmt.Fprintln(a.stderr, "Ruled out:")
		for _, m := range res.RuledOut {
			fmt.Fprintf(a.stderr, "  %s\t%s\n", m.Guide.Slug, m.Reason)
		}
	}
	if len(res.Sharpen) > 0 {
		fmt.Fprintln(a.stderr, "Answers that would sharpen this:")
		for _, s := range res.Sharpen {
			fmt.Fprintf(a.stderr, "  %s: %s\n", s.Key, s.Why)
		}
	}
	fmt.Fprintln(a.stderr, res.Note)
}

// findResultJSON is one guide in `find --json`.
type findResultJSON struct {
	Slug    string `json:"slug"`
	Anchor  string `json:"anchor"`
	Title   string `json:"title"`
	Reason  string `json:"reason"`
	Changes string `json:"changes"`
}

func findJSON(res finder.Result) []findResultJSON {
	out := make([]findResultJSON, 0, len(res.Matches))
	for _, m := range res.Matches {
		out = append(out, findResultJSON{Slug: m.Guide.Slug, Anchor: m.Anchor, Title: m.Guide.Title,
			Reason: m.Reason, Changes: m.Changes})
	}
	return out
}
