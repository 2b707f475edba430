// Package finder is the pathway finder: the questions it asks about a
// reader's situation, the answers (from a form or a YAML or JSON file), and
// the dated rules that point each situation to the guides and sections
// that apply. It reads a guides library and must not import package tui.
package finder

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"pathways/guides"
)

// Tier orders the finder's results: what the reader can act on now first.
type Tier int

// The tiers, in the order results are shown.
const (
	TierNow      Tier = iota // the reader can act on this now
	TierNext                 // one step away: a test result, more months, an employer's step
	TierPlan                 // worth reading now for the plan
	TierRuledOut             // a guide the reader might expect, and why it does not fit
)

func (t Tier) String() string {
	switch t {
	case TierNow:
		return "now"
	case TierNext:
		return "next"
	case TierPlan:
		return "plan"
	}
	return "ruled-out"
}

// Title is the tier's heading on a result screen.
func (t Tier) Title() string {
	switch t {
	case TierNow:
		return "Act now"
	case TierNext:
		return "Next steps"
	case TierPlan:
		return "For your plan"
	}
	return "Ruled out"
}

// Rule is one line of the finder's table: when it applies, the guide
// section it points to, why, and what would change the outcome.
type Rule struct {
	ID     string
	Slug   string
	Anchor string
	Tier   Tier
	When   func(Answers) bool
	// Reason is one sentence carrying the dated fact it rests on.
	Reason string
	// Changes says what would change the outcome.
	Changes string
	// Fact names the fact-sheet entry (and date) the reason rests on.
	Fact string
	// Label marks a reason whose fact is not plain law in force, with the
	// labels the guides use for their boxes; its wording must say so.
	Label Label
	// Until ends a temporary measure: the rule applies only before it.
	Until time.Time
	// Fallback rules apply only when no other rule matches.
	Fallback bool
}

// Label is the certainty of the fact a rule rests on: the guides' three
// labels for what is not plain law in force, or none.
type Label int

// The labels. A rule without one rests on law or official policy in force,
// and its reason states the fact plainly.
const (
	InForce          Label = iota // law or official policy in force, stated plainly
	TemporaryMeasure              // in force until Until; may end earlier
	Proposed                      // not in force
	NotConfirmed                  // unofficial reports only
)

func (l Label) String() string {
	switch l {
	case TemporaryMeasure:
		return "Temporary measure"
	case Proposed:
		return "Proposed"
	case NotConfirmed:
		return "Not confirmed"
	}
	return ""
}

// activeAt reports whether a time-limited rule still applies at now.
func (r Rule) activeAt(now time.Time) bool { return r.Until.IsZero() || now.Before(r.Until) }

// Match is one guide in a finder result.
type Match struct {
	Guide *guides.Guide
	// Anchor and Heading are the section that matters; Anchor is "" when
	// the guide no longer has it (the guide then opens at the top).
	Anchor  string
	Heading string
	Tier    Tier
	Reason  string
	Changes string
	// Rule is the ID of the rule that chose this guide.
	Rule string
}

// Sharpen is an unanswered question that could change the result.
type Sharpen struct {
	Key   Key
	Title string
	Why   string
}

// Result is the finder's answer: ranked guides with reasons, guides
// ruled out, the questions that would sharpen it, and the standing note.
type Result struct {
	// Matches are ranked, one per guide: act now, next steps, plan.
	Matches []Match
	// RuledOut are guides the reader might expect, with why they do not fit.
	RuledOut []Match
	Sharpen  []Sharpen
	Note     string
}

// Note is shown with every result.
const Note = "This is orientation, not an eligibility decision: it points to the guides and sections that fit your answers. " +
	"Only IRCC, ESDC and CBSA decide applications, and rules change, so check the official pages each guide cites before you act."

// Find runs the finder's rules over the answers as of now, the one clock
// the command line gives everything: temporary measures that have ended no
// longer apply. Rules whose guide is missing are skipped.
func Find(lib *guides.Library, a Answers, now time.Time) Result {
	var found, out []Match
	for _, r := range finderRules {
		if r.Fallback || !r.activeAt(now) || !r.When(a) {
			continue
		}
		if m, ok := match(lib, r); ok {
			if r.Tier == TierRuledOut {
				out = append(out, m)
			} else {
				found = append(found, m)
			}
		}
	}
	if len(found) == 0 {
		for _, r := range finderRules {
			if r.Fallback && r.activeAt(now) && r.When(a) {
				if m, ok := match(lib, r); ok {
					found = append(found, m)
				}
			}
		}
	}
	slices.SortStableFunc(found, func(x, y Match) int { return int(x.Tier) - int(y.Tier) })
	res := Result{Matches: onePerGuide(found), RuledOut: onePerGuide(out), Note: Note}
	for _, q := range questions {
		if q.Shown(a) && !a.Answered(q.Key) {
			res.Sharpen = append(res.Sharpen, Sharpen{Key: q.Key, Title: q.Title, Why: q.Why})
		}
	}
	return res
}

func match(lib *guides.Library, r Rule) (Match, bool) {
	g, ok := lib.Guide(r.Slug)
	if !ok {
		return Match{}, false
	}
	m := Match{Guide: g, Tier: r.Tier, Reason: r.Reason, Changes: r.Changes, Rule: r.ID}
	if h, ok := g.Heading(r.Anchor); ok {
		m.Anchor, m.Heading = h.Anchor, h.Text
	}
	return m, true
}

// onePerGuide keeps the first match of each guide.
func onePerGuide(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		if !slices.ContainsFunc(out, func(o Match) bool { return o.Guide.Slug == m.Guide.Slug }) {
			out = append(out, m)
		}
	}
	return out
}

// finderRulesFile names the rule table in messages.
const finderRulesFile = "guides/finder_rules.go"

// datePattern finds a dated fact: a month and a year, or a year.
var datePattern = regexp.MustCompile(`\b(19|20)\d\d\b`)

// labelWording is what a reason under each label must say, so the reader
// sees the same certainty as in the guide's box.
var labelWording = map[Label]*regexp.Regexp{
	TemporaryMeasure: regexp.MustCompile(`(?i)\btemporary measure\b.*\bend earlier\b`),
	Proposed:         regexp.MustCompile(`(?i)\bproposed\b.*\bnot in force\b`),
	NotConfirmed:     regexp.MustCompile(`(?i)\bnot confirmed\b`),
}

// bannedReasonWords are hedges and phrases about how the guides were made;
// a reason states a fact plainly or carries its label's wording instead.
// The guides' own list (processPhrases) applies too.
var bannedReasonWords = []string{
	"reported", "reportedly", "as cited", "unconfirmed", "unverified", "could not be confirmed",
	"could not confirm", "confirm on", "verify it", "today", "this year", "last year", "next year", "recently",
}

// reasonBannedPhrases joins the guides' list and the finder's, without
// the parentheses the guides' list puts around a bare "(reported)".
func reasonBannedPhrases() []string {
	var out []string
	for _, p := range append(guides.ProcessPhrases(), bannedReasonWords...) {
		if p = strings.Trim(p, "()"); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// wordAt reports whether the phrase p occurs in lower (already lowercase)
// as whole words.
func wordAt(lower, p string) bool {
	for off := 0; ; {
		i := strings.Index(lower[off:], p)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(p)
		if (i == 0 || !isLetter(lower[i-1])) && (off == len(lower) || !isLetter(lower[off])) {
			return true
		}
	}
}

// Check reports every finder rule whose guide or heading is
// missing, whose reason lacks a date or its label's wording, or whose
// reason or change uses a banned phrase or an -ise spelling. A missing
// heading is reported against the guide's file, since a renamed heading is
// the usual cause.
func Check(lib *guides.Library) []guides.Problem {
	var probs []guides.Problem
	for _, r := range finderRules {
		g, ok := lib.Guide(r.Slug)
		switch {
		case !ok:
			probs = append(probs, guides.Problem{File: finderRulesFile,
				Msg: fmt.Sprintf("finder rule %q: %s", r.ID, unknownGuide(lib, r.Slug))})
		case r.Anchor == "":
			probs = append(probs, guides.Problem{File: finderRulesFile, Msg: fmt.Sprintf("finder rule %q has no anchor", r.ID)})
		default:
			if _, ok := g.Heading(r.Anchor); !ok {
				probs = append(probs, guides.Problem{File: g.File,
					Msg: fmt.Sprintf("finder rule %q points to #%s, but no heading in %q has that anchor", r.ID, r.Anchor, g.Slug)})
			}
		}
		for _, msg := range ruleWordingProblems(r) {
			probs = append(probs, guides.Problem{File: finderRulesFile, Msg: fmt.Sprintf("finder rule %q: %s", r.ID, msg)})
		}
	}
	return probs
}

func unknownGuide(lib *guides.Library, slug string) string {
	_, err := lib.Lookup(slug)
	if err == nil {
		return fmt.Sprintf("guide %q", slug)
	}
	return err.Error()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// ruleWordingProblems checks one rule's fields and wording.
func ruleWordingProblems(r Rule) []string {
	var probs []string
	if !datePattern.MatchString(r.Reason) {
		probs = append(probs, "the reason carries no date")
	}
	if r.Changes == "" || r.Fact == "" || r.When == nil {
		probs = append(probs, "needs a condition, what would change the outcome, and its fact")
	}
	if re, ok := labelWording[r.Label]; ok && !re.MatchString(r.Reason) {
		probs = append(probs, fmt.Sprintf("rests on a fact labelled %q, but its reason does not say so (want %s)", r.Label, re))
	}
	switch {
	case r.Label == TemporaryMeasure && r.Until.IsZero():
		probs = append(probs, "a temporary measure needs the day it ends (Until)")
	case r.Label == TemporaryMeasure:
		if end := r.Until.AddDate(0, 0, -1).Format("January 2, 2006"); !strings.Contains(r.Reason, end) {
			probs = append(probs, fmt.Sprintf("the reason should give the measure's last day, %s", end))
		}
	case !r.Until.IsZero():
		probs = append(probs, "a rule that ends (Until) must be labelled a temporary measure")
	}
	for _, field := range []struct{ name, text string }{{"reason", r.Reason}, {"change", r.Changes}} {
		lower := strings.ToLower(field.text)
		for _, p := range reasonBannedPhrases() {
			if wordAt(lower, p) {
				probs = append(probs, fmt.Sprintf("the %s says %q: state the fact plainly, or label it", field.name, p))
			}
		}
		for _, w := range guides.BritishSpellings() {
			if wordAt(lower, w) {
				probs = append(probs, fmt.Sprintf("the %s spells %q: Canadian government style writes -ize (%s)", field.name, w, guides.IzeForm(w)))
			}
		}
	}
	return probs
}
