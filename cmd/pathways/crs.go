package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/guides/crs"
	"pathways/tui"
)

func (a *app) crsCmd() *cobra.Command {
	var answersPath string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "crs",
		Short: "Your Express Entry CRS score, factor by factor, with what would raise it",
		Long: `Compute a Comprehensive Ranking System score from your answers: asked in a form on a terminal (a line at a time with --accessible or ACCESSIBLE=1), or read from a YAML or JSON file with --answers ("-" reads standard input). It prints the total out of 1,200, each section and factor with the rule that gave its points, the three changes that would raise it most, and the latest draw cut-offs in the guides, as history, not a prediction.

Each language result is CLB/NCLC levels (test: clb) or a test's scores (test: ielts for IELTS General Training, celpip for CELPIP-General), ability by ability:

  age: 29                          # required
  partner: none                    # none, accompanying, not-accompanying,
                                   # canadian-citizen-or-pr
  education: masters-or-professional
                                   # none, secondary, one-year, two-year,
                                   # bachelors-or-three-year, two-or-more,
                                   # masters-or-professional, doctoral
  canadian_education: none         # none, one-or-two-year, three-year-or-more
  first_language: {language: english, test: ielts, listening: 8, reading: 7, writing: 6.5, speaking: 7}
  second_language: {language: french, test: clb, listening: 5, reading: 5, writing: 5, speaking: 5}
  canadian_work_years: 1
  foreign_work_years: 3
  certificate_of_qualification: false
  provincial_nomination: false
  sibling_in_canada: false
  job_offer: false                 # accepted; worth no points since March 25, 2025
  spouse:                          # only with partner: accompanying
    education: bachelors-or-three-year
    first_language: {language: english, test: clb, listening: 7, reading: 7, writing: 7, speaking: 7}
    canadian_work_years: 0

PTE Core, TEF Canada and TCF Canada results are not converted yet: give their CLB/NCLC levels with test: clb. A missing key means none (age is required). The result is an estimate from IRCC's published grid, not a decision; IRCC's own tool is the reference.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			grid, err := crs.LoadGrid()
			if err != nil {
				return err
			}
			var p crs.Profile
			switch {
			case answersPath != "":
				var ans crs.Answers
				if ans, err = a.crsAnswers(answersPath); err == nil {
					if p, err = grid.Profile(ans); err != nil {
						err = usage(fmt.Errorf("%s: %s", guides.SanitizeLine(answersPath), guides.SanitizeLine(err.Error())))
					}
				}
			case isTerminal(a.stdin) && isTerminal(a.stderr), a.accessible():
				p, err = a.askCRS()
			default:
				a.errorf("crs needs a terminal to ask its questions; give the answers in a file instead: pathways crs --answers FILE (YAML or JSON; see pathways crs --help)")
				return exitCode(exitUsage)
			}
			if err != nil {
				return err
			}
			r := grid.Score(p)
			if asJSON {
				return a.writeJSON(toCRSJSON(r))
			}
			a.printScore(grid, r)
			return nil
		},
	}
	cmd.Flags().StringVar(&answersPath, "answers", "", "read the answers from `FILE` (YAML or JSON; - for standard input)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as a JSON object, for scripts")
	cmd.Flags().BoolVar(&a.accessibleFlag, "accessible", false, "ask the questions one line at a time, for screen readers (also ACCESSIBLE=1)")
	_ = cmd.MarkFlagFilename("answers", "yaml", "yml", "json")
	return cmd
}

// askCRS asks the questions in a form drawn on standard error.
func (a *app) askCRS() (crs.Profile, error) {
	style, err := a.formStyle()
	if err != nil {
		return crs.Profile{}, err
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

// crsAnswers reads an answers file: at most 64 KiB, within the YAML
// limits, with unknown keys and values refused by name.
func (a *app) crsAnswers(path string) (crs.Answers, error) {
	name, data, err := a.readAnswersFile(path)
	if err != nil {
		return crs.Answers{}, err
	}
	if p := guides.YAMLTooBig(data, "the answers file"); p != nil {
		return crs.Answers{}, usage(fmt.Errorf("%s: %s", name, p.Msg))
	}
	var ans crs.Answers
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.UnmarshalWithOptions(data, &ans, yaml.Strict(), yaml.DisallowUnknownField()); err != nil && err != io.EOF {
			msg := guides.Shorten(guides.SanitizeLine(yaml.FormatError(err, false, false)), 200)
			return crs.Answers{}, usage(fmt.Errorf("%s: %s", name, msg))
		}
	}
	return ans, nil
}

// crsJSON is `pathways crs --json`.
type crsJSON struct {
	Total        int            `json:"total"`
	Max          int            `json:"max"`
	ScoredAs     string         `json:"scored_as"`
	Sections     map[string]int `json:"sections"`
	Factors      []factorJSON   `json:"factors"`
	Improvements []crs.Gain     `json:"improvements"`
	Grid         gridJSON       `json:"grid"`
	Notes        []string       `json:"notes"`
	RecentDraws  []crs.Draw     `json:"recent_draws"`
}

type factorJSON struct {
	Section string `json:"section"`
	Factor  string `json:"factor"`
	Points  int    `json:"points"`
	Reason  string `json:"reason"`
	Anchor  string `json:"anchor"`
}

type gridJSON struct {
	AsOf   string     `json:"as_of"`
	Source crs.Source `json:"source"`
}

func toCRSJSON(r crs.Result) crsJSON {
	out := crsJSON{Total: r.Total, Max: r.Max, ScoredAs: "single", Sections: map[string]int{},
		Improvements: r.Gains, Grid: gridJSON{AsOf: r.Source.Checked, Source: r.Source}, Notes: r.Notes, RecentDraws: r.Draws}
	if r.WithSpouse {
		out.ScoredAs = "with spouse or partner"
	}
	names := map[string]string{"A": "core", "B": "spouse", "C": "transferability", "D": "additional"}
	for _, s := range r.Sections {
		out.Sections[names[s.ID]] = s.Points
	}
	for _, f := range r.Factors {
		out.Factors = append(out.Factors, factorJSON{Section: names[f.Section], Factor: f.Name, Points: f.Points, Reason: f.Rule, Anchor: f.Anchor})
	}
	if out.Improvements == nil {
		out.Improvements = []crs.Gain{}
	}
	return out
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
