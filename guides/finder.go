package guides

import (
	"fmt"
	"regexp"
	"slices"
	"time"
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
	// Reported marks a reason that rests on a reported, unconfirmed fact;
	// its wording must say so.
	Reported bool
	// Until ends a temporary measure: the rule applies only before it.
	Until time.Time
	// Fallback rules apply only when no other rule matches.
	Fallback bool
}

// activeAt reports whether a time-limited rule still applies at now.
func (r Rule) activeAt(now time.Time) bool { return r.Until.IsZero() || now.Before(r.Until) }

// Match is one guide in a finder result.
type Match struct {
	Guide *Guide
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

// FinderResult is the finder's answer: ranked guides with reasons, guides
// ruled out, the questions that would sharpen it, and the standing note.
type FinderResult struct {
	// Matches are ranked, one per guide: act now, next steps, plan.
	Matches []Match
	// RuledOut are guides the reader might expect, with why they do not fit.
	RuledOut []Match
	Sharpen  []Sharpen
	Note     string
}

// FinderNote is shown with every result.
const FinderNote = "This is orientation, not an eligibility decision: it points to the guides and sections that fit your answers. " +
	"Only IRCC, ESDC and CBSA decide applications, and rules change, so check the official pages each guide cites before you act."

// Find runs the finder's rules over the answers as of today.
func Find(lib *Library, a Answers) FinderResult { return FindAt(lib, a, time.Now()) }

// FindAt runs the finder's rules as of now: temporary measures that have
// ended no longer apply. Rules whose guide is missing are skipped.
func FindAt(lib *Library, a Answers, now time.Time) FinderResult {
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
	res := FinderResult{Matches: onePerGuide(found), RuledOut: onePerGuide(out), Note: FinderNote}
	for _, q := range questions {
		if q.Shown(a) && !a.Answered(q.Key) {
			res.Sharpen = append(res.Sharpen, Sharpen{Key: q.Key, Title: q.Title, Why: q.Why})
		}
	}
	return res
}

func match(lib *Library, r Rule) (Match, bool) {
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

// reportedPattern finds the wording of an unconfirmed fact.
var reportedPattern = regexp.MustCompile(`(?i)\b(reported|reportedly|unconfirmed|could not be confirmed)\b`)

// CheckFinderRules reports every finder rule whose guide or heading is
// missing, or whose reason lacks a date or the wording of a reported
// fact. A missing heading is reported against the guide's file, since a
// renamed heading is the usual cause.
func (lib *Library) CheckFinderRules() []Problem {
	var probs []Problem
	for _, r := range finderRules {
		g, ok := lib.Guide(r.Slug)
		switch {
		case !ok:
			probs = append(probs, Problem{File: finderRulesFile,
				Msg: fmt.Sprintf("finder rule %q: %s", r.ID, lib.unknown(r.Slug).Error())})
		case r.Anchor == "":
			probs = append(probs, Problem{File: finderRulesFile, Msg: fmt.Sprintf("finder rule %q has no anchor", r.ID)})
		default:
			if _, ok := g.Heading(r.Anchor); !ok {
				probs = append(probs, Problem{File: g.File,
					Msg: fmt.Sprintf("finder rule %q points to #%s, but no heading in %q has that anchor", r.ID, r.Anchor, g.Slug)})
			}
		}
		if !datePattern.MatchString(r.Reason) {
			probs = append(probs, Problem{File: finderRulesFile, Msg: fmt.Sprintf("finder rule %q: the reason carries no date", r.ID)})
		}
		if r.Reported && !reportedPattern.MatchString(r.Reason) {
			probs = append(probs, Problem{File: finderRulesFile,
				Msg: fmt.Sprintf("finder rule %q rests on a reported fact, but its reason does not say so", r.ID)})
		}
		if r.Changes == "" || r.Fact == "" || r.When == nil {
			probs = append(probs, Problem{File: finderRulesFile,
				Msg: fmt.Sprintf("finder rule %q needs a condition, what would change the outcome, and its fact", r.ID)})
		}
	}
	return probs
}
