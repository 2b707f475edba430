package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/guides/crs"
	"pathways/tui"
	"pathways/tui/render"
)

func (a *app) crsCmd() *cobra.Command {
	var answersPath string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "crs",
		Short: "Your Express Entry CRS score, factor by factor, with what would raise it",
		Long: `Compute a Comprehensive Ranking System score from your answers: asked in a form on a terminal (a line at a time with --accessible or ACCESSIBLE=1), or read from a YAML or JSON file with --answers ("-" reads standard input). It prints the total out of 1,200, each section and factor with the rule that gave its points, the three changes that would raise it most, and the latest draw cut-offs in the guides, as history, not a prediction.

Language results are CLB levels for English and NCLC levels for French, in each of the four abilities:

  age: 29
  partner: none                 # none, coming, citizen-or-pr, not-coming
  education: master             # none, secondary, one-year, two-year, bachelor,
                                # two-or-more, master, doctoral
  canadian_education: none      # none, one-or-two-year, three-year-or-more
  first_language: english       # english or french
  english: {reading: 9, writing: 8, listening: 9, speaking: 8}
  # or English test results, converted with IRCC's equivalency charts:
  # english_scores: {test: ielts, reading: 7, writing: 6.5, listening: 8, speaking: 7}
  #                 (test: ielts for IELTS General Training, celpip for CELPIP-General;
  #                  for PTE Core, TEF Canada and TCF Canada, give the CLB/NCLC levels)
  french: {reading: 0, writing: 0, listening: 0, speaking: 0}
  canadian_experience_years: 1
  foreign_experience_years: 3
  certificate_of_qualification: false
  sibling_in_canada: false
  provincial_nomination: false
  job_offer: false              # asked, but worth no points since March 25, 2025
  partner_education: bachelor   # only with partner: coming
  partner_language: {reading: 7, writing: 7, listening: 7, speaking: 7}
  partner_canadian_experience_years: 0

A missing key means none. The result is an estimate from IRCC's published grid, not a decision; IRCC's own tool is the reference.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var p crs.Profile
			var err error
			switch {
			case answersPath != "":
				p, err = a.crsAnswers(answersPath)
			case isTerminal(a.stdin) && isTerminal(a.stderr), a.accessible():
				p, err = a.askCRS()
			default:
				a.errorf("crs needs a terminal to ask its questions; give the answers in a file instead: pathways crs --answers FILE (YAML or JSON; see pathways crs --help)")
				return exitCode(exitUsage)
			}
			if err != nil {
				return err
			}
			grid, err := crs.LoadGrid()
			if err != nil {
				return err
			}
			if err := grid.Resolve(&p); err != nil {
				return usage(err)
			}
			r := grid.Score(p)
			if asJSON {
				return a.writeJSON([]crs.Result{r})
			}
			a.printScore(grid, r)
			return nil
		},
	}
	cmd.Flags().StringVar(&answersPath, "answers", "", "read the answers from `FILE` (YAML or JSON; - for standard input)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array holding the result, for scripts")
	cmd.Flags().BoolVar(&a.accessibleFlag, "accessible", false, "ask the questions one line at a time, for screen readers (also ACCESSIBLE=1)")
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

// askCRS asks the questions in a form drawn on standard error.
func (a *app) askCRS() (crs.Profile, error) {
	o := a.output(a.stderr)
	o.Terminal = o.Terminal || !a.accessible()
	style, err := render.ResolveStyle(o)
	if err != nil {
		return crs.Profile{}, usage(err)
	}
	p, err := tui.AskCRS(style, a.accessible(), a.stdin, a.stderr)
	if errors.Is(err, tui.ErrCancelled) {
		a.errorf("cancelled")
		return p, exitCode(130)
	}
	if err == nil {
		err = usage(p.Check())
	}
	return p, err
}

// crsAnswers reads a profile: at most 64 KiB, within the YAML limits, with
// unknown keys and values refused by name.
func (a *app) crsAnswers(path string) (crs.Profile, error) {
	var data []byte
	var err error
	name := guides.SanitizeLine(path)
	if path == "-" {
		name = "standard input"
		data, err = readLimited(a.stdin)
	} else {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			data, err = readLimited(f)
			f.Close()
		}
	}
	if err != nil {
		return crs.Profile{}, usage(fmt.Errorf("answers file %s: %v", name, describeErr(err)))
	}
	if p := guides.YAMLTooBig(data, "the answers file"); p != nil {
		return crs.Profile{}, usage(fmt.Errorf("%s: %s", name, p.Msg))
	}
	var p crs.Profile
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.UnmarshalWithOptions(data, &p, yaml.Strict(), yaml.DisallowUnknownField()); err != nil && err != io.EOF {
			msg := guides.SanitizeLine(yaml.FormatError(err, false, false))
			if len(msg) > 200 {
				msg = msg[:200] + "…"
			}
			return crs.Profile{}, usage(fmt.Errorf("%s: %s", name, msg))
		}
	}
	if err := p.Check(); err != nil {
		return crs.Profile{}, usage(fmt.Errorf("%s: %s", name, guides.SanitizeLine(err.Error())))
	}
	return p, nil
}

// printScore writes a result as text: the report's lines, each that
// explains a factor followed by where to read about it.
func (a *app) printScore(grid *crs.Grid, r crs.Result) {
	for _, l := range grid.Report(r) {
		text := strings.TrimRight(l.Text, " ")
		if l.Gain {
			text += fmt.Sprintf(" (pathways show %s#%s)", l.Guide, l.Anchor)
		}
		fmt.Fprintln(a.stdout, text)
	}
	fmt.Fprintf(a.stdout, "Each factor is explained in the CRS guide: pathways show %s (and #section)\n", grid.Guide)
}
