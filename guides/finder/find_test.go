package finder

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"pathways/guides"
)

// During Operational Bulletin 699 (June 9 to December 31, 2026), and after.
var (
	duringOB699 = day(2026, 12, 1)
	afterOB699  = day(2027, 1, 2)
)

// finderCases are situations, written as answer files, with the guides
// (slug or slug#anchor) the finder must list, in order, and those it must
// not list. ruledOut are the guides it must explain away.
var finderCases = []struct {
	name     string
	answers  string
	at       time.Time // zero: during OB 699
	want     []string
	not      []string
	ruledOut []string
	// says are words some reason (of a match or a guide ruled out) must
	// contain: the fact the boundary rests on.
	says []string
}{
	{name: "nothing answered",
		answers: ``,
		want:    []string{"work-permit-canada-pathways#why-a-work-permit-can-get-you-to-permanent-residence"}},

	// PGWP: 7 versus 8 months; CLB 7 for every degree (colleges' too, since
	// March 11, 2025) and for university certificates and diplomas; CLB 5
	// only for non-degree programs at colleges and other non-university
	// schools; a certificate whose school is not given needs CLB 7 to be sure.
	{name: "degree of 8 months, CLB 7: apply for the PGWP",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: bachelor, months: 8, completed: true}\nclb: 7",
		want:    []string{"post-graduation-work-permit#the-180-day-deadline", "temporary-to-permanent-residence#a-realistic-timeline"},
		says:    []string{"CLB 7", "colleges included, since March 11, 2025", "need no eligible field of study", "508 to 511"}},
	{name: "bachelor's (at a college), CLB 6: CLB 7 first",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: bachelor, months: 48, completed: true}\nclb: 6",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		says:    []string{"CLB 7 in all four skills after any bachelor's, master's or doctoral program, at a university or a college"}},
	{name: "bachelor's, CLB 5: still CLB 7 first",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: bachelor, months: 48, completed: true}\nclb: 5",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		says:    []string{"CLB 7 in all four skills"}},
	{name: "university certificate, CLB 6: told CLB 7",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: university-certificate, months: 12, completed: true}\nclb: 6",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024", "temporary-to-permanent-residence"},
		says:    []string{"university program that does not lead to a degree", "CLB 7 in all four skills", "not the CLB 5 of college programs"}},
	{name: "university certificate, CLB 5: still CLB 7",
		answers: "status: graduate\nstudy: {credential: university-certificate, months: 12, completed: true}\nclb: 5",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		says:    []string{"CLB 7 in all four skills"}},
	{name: "university certificate, CLB 7: apply, check the field of study",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: university-certificate, months: 12, completed: true}\nclb: 7",
		want:    []string{"post-graduation-work-permit#field-of-study-requirement", "temporary-to-permanent-residence"},
		says:    []string{"meets CLB 7", "field-of-study list"}},
	{name: "college diploma, CLB 4: CLB 5 first",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: college-diploma, months: 24, completed: true}\nclb: 4",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		says:    []string{"college or other non-university school", "CLB 5 in all four skills"}},
	{name: "certificate, school not given, CLB 6: which school decides",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: certificate, months: 10, completed: true}\nclb: 6",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		says:    []string{"depends on the school", "CLB 7", "CLB 5"}},
	{name: "certificate, school not given, CLB 7: apply, check the field of study",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: certificate, months: 10, completed: true}\nclb: 7",
		want:    []string{"post-graduation-work-permit#field-of-study-requirement"}},
	{name: "program of 7 months: no PGWP",
		answers:  "location: in-canada\nstatus: graduate\nstudy: {credential: bachelor, months: 7, completed: true}\nclb: 7",
		want:     []string{"temporary-to-permanent-residence#a-realistic-timeline"},
		not:      []string{"post-graduation-work-permit"},
		ruledOut: []string{"post-graduation-work-permit#who-can-get-a-pgwp"}},
	{name: "master's, CLB 6: the PGWP language rule first",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: master, months: 16, completed: true}\nclb: 6",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024", "temporary-to-permanent-residence"}},
	{name: "master's, CLB 7: apply",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: master, months: 16, completed: true}\nclb: 7",
		want:    []string{"post-graduation-work-permit#the-180-day-deadline"}},
	{name: "college diploma, CLB 5: apply, check the field of study",
		answers: "location: in-canada\nstatus: graduate\nstudy: {credential: college-diploma, months: 24, completed: true}\nclb: 5",
		want:    []string{"post-graduation-work-permit#field-of-study-requirement", "temporary-to-permanent-residence"},
		says:    []string{"college or other non-university school and meet its CLB 5 minimum", "field-of-study list"}},
	{name: "certificate, CLB 4: language first",
		answers: "location: outside-canada\nstudy: {credential: certificate, months: 8, completed: true}\nclb: 4",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"},
		not:     []string{"temporary-to-permanent-residence"}},
	{name: "completed program, language untested and unanswered",
		answers: "study: {credential: doctoral, months: 48, completed: true}",
		want:    []string{"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"}},
	{name: "doctoral student still studying: plan the PGWP",
		answers: "location: in-canada\nstatus: student\nstudy: {credential: doctoral, months: 48, completed: false}",
		want:    []string{"post-graduation-work-permit#who-can-get-a-pgwp"},
		not:     []string{"temporary-to-permanent-residence"},
		says:    []string{"CLB 7 after a degree program at any school or a university certificate or diploma, or CLB 5 after a non-degree program at a college"}},
	{name: "student with co-op months: they do not count for the CEC",
		answers: "location: in-canada\nstatus: student\nstudy: {credential: bachelor, months: 48, completed: false}\ncanadian_skilled_months: 4",
		want:    []string{"post-graduation-work-permit#who-can-get-a-pgwp", "canadian-experience-class#what-counts-as-experience-and-what-does-not"}},
	{name: "worker who studied long ago: no PGWP",
		answers: "location: in-canada\nstatus: worker\nstudy: {credential: master, months: 12, completed: true}\nclb: 9",
		not:     []string{"post-graduation-work-permit"}},

	// CEC: 11 versus 12 months, CLB 6 versus 7 for TEER 1, CLB 5 for TEER 2.
	{name: "12 months, TEER 1, CLB 7: CEC now, then the score",
		answers: "location: in-canada\nstatus: worker\ncanadian_skilled_months: 12\nteer: 1\nclb: 7\npr_application: none",
		want: []string{"canadian-experience-class#how-the-cec-runs-through-express-entry",
			"crs-comprehensive-ranking-system#worked-examples", "express-entry-strategy#realistic-ways-to-improve-your-profile"},
		not:  []string{"temporary-to-permanent-residence"},
		says: []string{"invitations go by CRS score", "508 to 511", "March 25, 2025"}},
	{name: "12 months, TEER 1, CLB 6: CEC language, then the score",
		answers: "location: in-canada\nstatus: worker\ncanadian_skilled_months: 12\nteer: 1\nclb: 6\npr_application: none",
		want: []string{"canadian-experience-class#language",
			"crs-comprehensive-ranking-system#worked-examples", "express-entry-strategy#realistic-ways-to-improve-your-profile"}},
	{name: "12 months but already applied for PR: no CEC or score pointers",
		answers: "location: in-canada\nstatus: worker\ncanadian_skilled_months: 12\nteer: 1\nclb: 9\npr_application: express-entry-applied",
		not:     []string{"canadian-experience-class", "crs-comprehensive-ranking-system", "express-entry-strategy"}},
	{name: "12 months, TEER 2, CLB 5: CEC now",
		answers: "location: in-canada\nstatus: graduate\ncanadian_skilled_months: 12\nteer: 2\nclb: 5",
		want:    []string{"canadian-experience-class#how-the-cec-runs-through-express-entry"}},
	{name: "12 months, TEER unknown, CLB 6: not sure, language section",
		answers: "location: in-canada\nstatus: worker\ncanadian_skilled_months: 12\nclb: 6",
		want:    []string{"canadian-experience-class#language"}},
	{name: "11 months, TEER 1, CLB 9: keep building",
		answers: "location: in-canada\nstatus: worker\ncanadian_skilled_months: 11\nteer: 1\nclb: 9\npr_application: none",
		want:    []string{"canadian-experience-class#skilled-work-experience", "temporary-to-permanent-residence#a-realistic-timeline"}},
	{name: "TEER 4 worker: base nomination, CEC ruled out",
		answers:  "location: in-canada\nstatus: worker\ncanadian_skilled_months: 0\nteer: 4\nclb: 6\npr_application: none",
		want:     []string{"provincial-nominee-programs#base-and-enhanced-nominations"},
		not:      []string{"canadian-experience-class", "temporary-to-permanent-residence"},
		ruledOut: []string{"canadian-experience-class#what-counts-as-experience-and-what-does-not"}},
	{name: "12 foreign months and CLB 8: FSW, the score and the strategy",
		answers: "location: outside-canada\nforeign_skilled_months: 12\nclb: 8\njob_offer: none",
		want: []string{"canadian-experience-class#cec-compared-with-fsw-and-fst", "crs-comprehensive-ranking-system#worked-examples",
			"express-entry-strategy#realistic-ways-to-improve-your-profile", "work-permit-canada-pathways#moving-to-canada-with-a-job-offer"}},
	{name: "11 foreign months: no FSW yet",
		answers: "location: outside-canada\nforeign_skilled_months: 11\nclb: 8\njob_offer: none",
		want:    []string{"work-permit-canada-pathways#moving-to-canada-with-a-job-offer"},
		not:     []string{"canadian-experience-class", "crs-comprehensive-ranking-system", "express-entry-strategy"}},

	// Every partner value.
	{name: "partner in a master's of 16 months or more",
		answers: "location: outside-canada\npartner: student-master-16-months-plus",
		want:    []string{"spousal-open-work-permit#spouses-of-international-students"},
		says:    []string{"since March 19, 2024 only a master's", "since January 21, 2025 a master's must last at least 16 months"}},
	{name: "partner in a doctoral program",
		answers: "partner: student-doctoral",
		want:    []string{"spousal-open-work-permit#spouses-of-international-students"}},
	{name: "partner in a listed professional program",
		answers: "partner: student-professional",
		want:    []string{"spousal-open-work-permit#spouses-of-international-students"}},
	{name: "partner in another program",
		answers:  "partner: student-other",
		want:     []string{guides.OverviewSlug},
		not:      []string{"spousal-open-work-permit"},
		ruledOut: []string{"spousal-open-work-permit#spouses-of-international-students"},
		says:     []string{"Since March 19, 2024", "of at least 16 months since January 21, 2025"}},
	{name: "partner in a TEER 0 or 1 job, permit time unanswered",
		answers: "partner: worker-teer-0-1",
		want:    []string{"spousal-open-work-permit#spouses-of-foreign-workers"}},
	{name: "partner in a listed TEER 2 or 3 job, 16 months left",
		answers: "partner: worker-teer-2-3-listed\npartner_permit_months: 16",
		want:    []string{"spousal-open-work-permit#spouses-of-foreign-workers"}},
	{name: "partner in a TEER 0 or 1 job, 15 months left",
		answers:  "partner: worker-teer-0-1\npartner_permit_months: 15",
		not:      []string{"spousal-open-work-permit"},
		ruledOut: []string{"spousal-open-work-permit#spouses-of-foreign-workers"}},
	{name: "partner in a TEER 4 job: the January 21, 2025 rule",
		answers:  "location: in-canada\npartner: worker-other",
		not:      []string{"spousal-open-work-permit"},
		ruledOut: []string{"spousal-open-work-permit#spouses-of-foreign-workers"}},
	{name: "partner is a Canadian citizen or PR: sponsorship, and its open work permit",
		answers: "partner: canadian-or-pr",
		want:    []string{"spousal-open-work-permit#spouses-of-canadian-citizens-and-permanent-residents"},
		says:    []string{"spousal sponsorship", "May 26, 2023"}},
	{name: "no partner",
		answers: "partner: none",
		want:    []string{guides.OverviewSlug},
		not:     []string{"spousal-open-work-permit"}},

	// Permanent residence applications and temporary measures.
	{name: "PNP applicant in Canada while OB 699 runs",
		answers: "location: in-canada\nstatus: worker\npr_application: pnp-applied",
		want:    []string{"bridging-open-work-permit#temporary-measure-for-pnp-applicants-june-9-to-december-31-2026", "temporary-to-permanent-residence#where-your-status-can-lapse"},
		says:    []string{"temporary measure", "until December 31, 2026 (the measure may end earlier)", "apply now"}},
	{name: "PNP applicant on the last day of OB 699",
		answers: "location: in-canada\nstatus: worker\npr_application: pnp-applied",
		at:      day(2026, 12, 31).Add(23 * time.Hour),
		want:    []string{"bridging-open-work-permit#temporary-measure-for-pnp-applicants-june-9-to-december-31-2026"}},
	{name: "PNP applicant the day after OB 699",
		answers: "location: in-canada\nstatus: worker\npr_application: pnp-applied",
		at:      day(2027, 1, 1),
		want:    []string{"bridging-open-work-permit#who-qualifies"}},
	{name: "PNP applicant in Canada after OB 699 ended",
		answers: "location: in-canada\nstatus: worker\npr_application: pnp-applied",
		at:      afterOB699,
		want:    []string{"bridging-open-work-permit#who-qualifies", "temporary-to-permanent-residence#where-your-status-can-lapse"},
		says:    []string{"however long your current permit has left", "September 16, 2021"}},
	{name: "Express Entry applicant, partner in a TEER 4 job",
		answers:  "location: in-canada\nstatus: graduate\npr_application: express-entry-applied\npartner: worker-other",
		want:     []string{"bridging-open-work-permit#who-qualifies", "spousal-open-work-permit#who-is-not-affected", "temporary-to-permanent-residence#where-your-status-can-lapse"},
		ruledOut: []string{"spousal-open-work-permit#spouses-of-foreign-workers"}},
	{name: "Express Entry applicant abroad: no bridging permit",
		answers: "location: outside-canada\npr_application: express-entry-applied",
		not:     []string{"bridging-open-work-permit", "temporary-to-permanent-residence"}},
	{name: "visitor who applied for PR: no bridging permit",
		answers: "location: in-canada\nstatus: visitor\npr_application: pnp-applied",
		want:    []string{"temporary-to-permanent-residence#where-your-status-can-lapse"},
		not:     []string{"bridging-open-work-permit"}},
	{name: "provincial nominee",
		answers: "pr_application: pnp-nominated",
		want:    []string{"crs-comprehensive-ranking-system#the-600-points-for-a-provincial-nomination"}},
	{name: "in the pool with an LMIA job offer from abroad",
		answers: "location: outside-canada\njob_offer: lmia\npr_application: express-entry-profile",
		want: []string{"lmia-work-permit-canada#the-workers-work-permit-application",
			"express-entry-strategy#realistic-ways-to-improve-your-profile",
			"job-offer-canada-immigration#what-a-job-offer-no-longer-does"},
		says: []string{"not confirmed", "March 25, 2025"}},

	// Job offers.
	{name: "LMIA-exempt offer from abroad",
		answers: "location: outside-canada\njob_offer: lmia-exempt",
		want:    []string{"lmia-exempt-work-permits#the-employer-portal-and-the-230-compliance-fee"},
		not:     []string{"lmia-work-permit-canada", "work-permit-canada-pathways"}},
	{name: "worker in Canada with a new LMIA offer",
		answers: "location: in-canada\nstatus: worker\njob_offer: lmia",
		want:    []string{"employer-specific-work-permit#changing-employers", "temporary-to-permanent-residence#a-realistic-timeline"},
		not:     []string{"lmia-work-permit-canada"},
		says:    []string{"since May 27, 2025 you can ask IRCC"}},
	{name: "unsure what kind of offer",
		answers: "job_offer: unsure",
		want:    []string{"job-offer-canada-immigration#what-a-job-offer-does"}},
	{name: "abroad with no offer",
		answers: "location: outside-canada\njob_offer: none",
		want:    []string{"work-permit-canada-pathways#moving-to-canada-with-a-job-offer"}},
}

func TestFinderSituations(t *testing.T) {
	lib := guides.LoadEmbedded()
	for _, tc := range finderCases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAnswers([]byte(tc.answers))
			if err != nil {
				t.Fatalf("answers: %v", err)
			}
			at := tc.at
			if at.IsZero() {
				at = duringOB699
			}
			res := Find(lib, a, at)
			got := places(res.Matches)
			if !prefixesMatch(got, tc.want) {
				t.Errorf("matches = %v\nwant first %v", got, tc.want)
			}
			for _, slug := range tc.not {
				if slices.ContainsFunc(res.Matches, func(m Match) bool { return m.Guide.Slug == slug }) {
					t.Errorf("matches include %s, which must not appear: %v", slug, got)
				}
			}
			if out := places(res.RuledOut); !sameSet(out, tc.ruledOut) {
				t.Errorf("ruled out = %v, want %v", out, tc.ruledOut)
			}
			for _, w := range tc.says {
				if !slices.ContainsFunc(append(res.Matches, res.RuledOut...), func(m Match) bool { return strings.Contains(m.Reason, w) }) {
					t.Errorf("no reason says %q", w)
				}
			}
			for i := 1; i < len(res.Matches); i++ {
				if res.Matches[i].Tier < res.Matches[i-1].Tier {
					t.Errorf("matches not ordered by tier: %v", got)
				}
			}
			if len(res.Matches) == 0 {
				t.Error("no guide at all; the overview should be the fallback")
			}
			if res.Note != Note {
				t.Error("the orientation note is missing")
			}
		})
	}
}

// places names matches as slug#anchor.
func places(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Guide.Slug + "#" + m.Anchor
	}
	return out
}

// prefixesMatch reports whether got starts with want, where a want entry
// without "#" matches any anchor of that guide. An empty want says nothing
// about order.
func prefixesMatch(got, want []string) bool {
	if len(want) > len(got) {
		return false
	}
	for i, w := range want {
		if w != got[i] && !(!strings.Contains(w, "#") && strings.HasPrefix(got[i], w+"#")) {
			return false
		}
	}
	return true
}

func sameSet(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

// TestFinderCoversEveryRule runs the situations and checks that each rule
// decided at least one of them.
func TestFinderCoversEveryRule(t *testing.T) {
	lib := guides.LoadEmbedded()
	fired := map[string]bool{}
	for _, tc := range finderCases {
		a, err := ParseAnswers([]byte(tc.answers))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		at := tc.at
		if at.IsZero() {
			at = duringOB699
		}
		res := Find(lib, a, at)
		for _, m := range append(res.Matches, res.RuledOut...) {
			fired[m.Rule] = true
		}
	}
	for _, r := range Rules() {
		if !fired[r.ID] {
			t.Errorf("rule %q decides none of the situations", r.ID)
		}
	}
}

// TestFinderRulesCheckEmbedded: every rule's guide and anchor exist in the
// embedded library, and every reason is dated.
func TestFinderRulesCheckEmbedded(t *testing.T) {
	lib := guides.LoadEmbedded()
	for _, p := range Check(lib) {
		t.Error(p)
	}
	for _, r := range Rules() {
		g, ok := lib.Guide(r.Slug)
		if !ok {
			t.Errorf("rule %q: no guide %q", r.ID, r.Slug)
			continue
		}
		if _, ok := g.Heading(r.Anchor); !ok {
			t.Errorf("rule %q: guide %q has no heading #%s", r.ID, r.Slug, r.Anchor)
		}
	}
}

var secondSentence = regexp.MustCompile(`[.!?]\s+[A-Z]`)

func TestFinderRulesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("rule ID %q is used twice", r.ID)
		}
		seen[r.ID] = true
		if !strings.HasSuffix(r.Reason, ".") || secondSentence.MatchString(r.Reason) {
			t.Errorf("rule %q: the reason should be one sentence: %q", r.ID, r.Reason)
		}
		if strings.Contains(r.Reason, "November 3, 2026") && r.Label != NotConfirmed {
			t.Errorf("rule %q cites the November 3, 2026 factor without labelling it not confirmed", r.ID)
		}
		if strings.Contains(r.Reason, "Operational Bulletin 699") && (r.Until.IsZero() || r.Label != TemporaryMeasure) {
			t.Errorf("rule %q cites a temporary measure but never ends or is not labelled one", r.ID)
		}
		if probs := ruleWordingProblems(r); len(probs) > 0 {
			t.Errorf("rule %q: %s", r.ID, strings.Join(probs, "; "))
		}
	}
}

// TestFinderRuleWordingProblems: the check catches hedges, -ise spellings,
// and a label whose wording the reason lacks.
func TestFinderRuleWordingProblems(t *testing.T) {
	always := func(Answers) bool { return true }
	base := Rule{ID: "x", When: always, Changes: "Something.", Fact: "1.1",
		Reason: "Since November 1, 2024, a plain fact."}
	if p := ruleWordingProblems(base); len(p) != 0 {
		t.Fatalf("plain rule: %v", p)
	}
	for _, tc := range []struct {
		name string
		edit func(*Rule)
		want string
	}{
		{"no date", func(r *Rule) { r.Reason = "A plain fact." }, "the reason carries no date"},
		{"reportedly", func(r *Rule) { r.Reason = "Since 2024 you can reportedly apply." }, `the reason says "reportedly"`},
		{"reported", func(r *Rule) { r.Reason = "The target is reported as 91,500 for 2026." }, `the reason says "reported"`},
		{"general knowledge", func(r *Rule) { r.Changes = "General knowledge says so." }, `the change says "general knowledge"`},
		{"as cited", func(r *Rule) { r.Reason = "As cited for 2026, $155." }, `the reason says "as cited"`},
		{"fact base", func(r *Rule) { r.Reason = "Not in the fact base since 2024." }, `the reason says "fact base"`},
		{"relative date", func(r *Rule) { r.Reason = "Since 2024 and still today." }, `the reason says "today"`},
		{"spelling", func(r *Rule) { r.Changes = "Once IRCC has authorised you." }, `spells "authorised"`},
		{"temporary without wording", func(r *Rule) {
			r.Label, r.Until = TemporaryMeasure, day(2027, 1, 1)
			r.Reason = "Until December 31, 2026 you can apply."
		}, `labelled "Temporary measure", but its reason does not say so`},
		{"temporary without its last day", func(r *Rule) {
			r.Label, r.Until = TemporaryMeasure, day(2027, 1, 1)
			r.Reason = "A temporary measure runs in 2026 and may end earlier."
		}, "the measure's last day, December 31, 2026"},
		{"temporary without an end", func(r *Rule) {
			r.Label = TemporaryMeasure
			r.Reason = "A temporary measure until December 31, 2026 may end earlier."
		}, "needs the day it ends"},
		{"an end without the label", func(r *Rule) { r.Until = day(2027, 1, 1) }, "must be labelled a temporary measure"},
		{"not confirmed without wording", func(r *Rule) {
			r.Label = NotConfirmed
			r.Reason = "A factor starts on November 3, 2026."
		}, `labelled "Not confirmed"`},
		{"proposed without wording", func(r *Rule) {
			r.Label = Proposed
			r.Reason = "One program from 2026."
		}, `labelled "Proposed"`},
	} {
		r := base
		tc.edit(&r)
		if got := strings.Join(ruleWordingProblems(r), "\n"); !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems %q, want %q", tc.name, got, tc.want)
		}
	}
	// Whole words only: "misreported" does not contain the word "reported".
	r := base
	r.Reason = "Since 2024, a misreported figure."
	if p := ruleWordingProblems(r); len(p) != 0 {
		t.Errorf("whole words: %v", p)
	}
}

func TestCheckFinderRulesReportsRenamedHeading(t *testing.T) {
	override := fstest.MapFS{"spousal-open-work-permit.md": {Data: []byte(
		"---\ntitle: Spousal permits, my notes\nsummary: Replaced.\nreviewed: 2026-01-01\n---\n## Notes\n\nNothing here.\n")}}
	lib := guides.Load([]guides.Dir{guides.Embedded(), {FS: override, Name: "mine"}}, guides.Options{})
	var msgs []string
	for _, p := range Check(lib) {
		msgs = append(msgs, p.String())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		`mine/spousal-open-work-permit.md: finder rule "spouse-of-student" points to #spouses-of-international-students`,
		`finder rule "spouse-of-worker" points to #spouses-of-foreign-workers`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems lack %q:\n%s", want, joined)
		}
	}
	// The finder still lists the guide, opening it at the top.
	a, _ := ParseAnswers([]byte("partner: student-doctoral"))
	res := Find(lib, a, duringOB699)
	if len(res.Matches) == 0 || res.Matches[0].Guide.Slug != "spousal-open-work-permit" || res.Matches[0].Anchor != "" {
		t.Errorf("matches = %v", places(res.Matches))
	}
}

func TestFindSharpen(t *testing.T) {
	lib := guides.LoadEmbedded()
	keys := func(a Answers) []Key {
		var out []Key
		for _, s := range Find(lib, a, duringOB699).Sharpen {
			out = append(out, s.Key)
		}
		return out
	}
	all := keys(Answers{})
	want := []Key{KeyLocation, KeyStatus, KeyStudyCredential, KeyJobOffer, KeyCanadianMonths, KeyForeignMonths,
		KeyTEER, KeyCLB, KeyPRApplication, KeyPartner}
	if !reflect.DeepEqual(all, want) {
		t.Errorf("sharpen with nothing answered = %v, want %v", all, want)
	}
	a, _ := ParseAnswers([]byte("location: outside-canada\nstudy: {credential: master}\npartner: worker-teer-0-1"))
	got := keys(a)
	for _, k := range []Key{KeyStudyMonths, KeyStudyCompleted, KeyPartnerPermitMonths} {
		if !slices.Contains(got, k) {
			t.Errorf("sharpen = %v, lacks %s", got, k)
		}
	}
	for _, k := range []Key{KeyStatus, KeyLocation, KeyPartner, KeyStudyCredential} {
		if slices.Contains(got, k) {
			t.Errorf("sharpen = %v, should not ask for %s", got, k)
		}
	}
}

func TestParseAnswers(t *testing.T) {
	yamlFile := `location: in-canada
status: graduate
study:
  credential: master
  months: 16
  completed: true
job_offer: none
canadian_skilled_months: 12
foreign_skilled_months: 0
teer: 1
clb: 7
pr_application: none
partner: worker-teer-2-3-listed
partner_permit_months: 20
`
	jsonFile := "{\n\t\"location\": \"in-canada\",\n\t\"status\": \"graduate\",\n\t\"study\": {\"credential\": \"master\", \"months\": 16, \"completed\": true},\n" +
		"\t\"job_offer\": \"none\", \"canadian_skilled_months\": 12, \"foreign_skilled_months\": 0,\n" +
		"\t\"teer\": 1, \"clb\": 7, \"pr_application\": \"none\",\n\t\"partner\": \"worker-teer-2-3-listed\", \"partner_permit_months\": 20\n}\n"
	fromYAML, err := ParseAnswers([]byte(yamlFile))
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := ParseAnswers([]byte(jsonFile))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromYAML, fromJSON) {
		t.Errorf("YAML and JSON differ:\n%+v\n%+v", fromYAML, fromJSON)
	}
	if fromYAML.Study.Credential != "master" || *fromYAML.Study.Months != 16 || !*fromYAML.Study.Completed ||
		*fromYAML.TEER != 1 || *fromYAML.PartnerPermitMonths != 20 {
		t.Errorf("parsed %+v", fromYAML)
	}
	// Every key answered: nothing left to sharpen.
	if s := Find(guides.LoadEmbedded(), fromYAML, duringOB699).Sharpen; len(s) != 0 {
		t.Errorf("sharpen = %v, want none", s)
	}
	// The form's text values give the same answers.
	fromText, err := AnswersFromText(fromYAML.Text())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromText, fromYAML) {
		t.Errorf("text round trip differs:\n%+v\n%+v", fromText, fromYAML)
	}
}

func TestParseAnswersUnanswered(t *testing.T) {
	for _, in := range []string{"", "  \n", "# nothing yet\n", "{}", "null", "partner: ~\nclb: null\nstudy: null"} {
		a, err := ParseAnswers([]byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if len(a.Text()) != 0 {
			t.Errorf("%q: answered %v", in, a.Text())
		}
	}
}

func TestParseAnswersErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // each must appear in the error
	}{
		{"partner: worker-teer-4", []string{`partner: unknown value "worker-teer-4"`,
			"allowed values: none, student-master-16-months-plus, student-doctoral, student-professional, student-other, worker-teer-0-1, worker-teer-2-3-listed, worker-other, canadian-or-pr"}},
		{"partnr: none", []string{`partnr: unknown key (did you mean "partner"?)`, "allowed keys: location, status, study, job_offer"}},
		{"study: {credential: master, level: 9}", []string{"study.level: unknown key", "allowed keys: credential, months, completed"}},
		{"study: master", []string{"study: want a mapping with the keys credential, months, completed", `not "master"`}},
		{"location: Canada", []string{`location: unknown value "Canada"; allowed values: in-canada, outside-canada`}},
		{"status: 3", []string{"status: want one of: student, graduate, worker, visitor, none; got 3"}},
		{"teer: 6", []string{"teer: want a whole number from 0 to 5; got 6"}},
		{"clb: -1", []string{"clb: want a whole number from 0 to 12; got -1"}},
		{"clb: \"7\"", []string{`clb: want a whole number from 0 to 12; got "7"`}},
		{"canadian_skilled_months: 37", []string{"canadian_skilled_months: want a whole number from 0 to 36; got 37"}},
		{"study: {months: 7.5}", []string{"study.months: want a whole number from 0 to 120; got 7.5"}},
		{"study: {completed: yes}", []string{`study.completed: want true or false; got "yes"`}},
		{"- location: in-canada", []string{"want a mapping of answers (key: value), not a list"}},
		{"location: [in-canada", []string{"not valid YAML or JSON"}},
		{"clb: 7\nclb: 8", []string{"not valid YAML or JSON", `mapping key "clb" already defined`}},
		{"{\"clb\": 7", []string{"not valid YAML or JSON"}},
		{"clb: 7\n---\nclb: 8\n", []string{"more than one YAML document"}},
	} {
		_, err := ParseAnswers([]byte(tc.in))
		if err == nil {
			t.Errorf("%q: no error", tc.in)
			continue
		}
		var ae *AnswersError
		if !errors.As(err, &ae) {
			t.Errorf("%q: error %T, want *AnswersError", tc.in, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q\nlacks %q", tc.in, err, w)
			}
		}
	}
}

func TestParseAnswersReportsEveryProblem(t *testing.T) {
	_, err := ParseAnswers([]byte("partner: spouse\nteer: 9\nlocaton: in-canada\n"))
	var ae *AnswersError
	if !errors.As(err, &ae) || len(ae.Problems) != 3 {
		t.Fatalf("err = %v, want three problems", err)
	}
	if ae.Problems[0].Key != "locaton" || ae.Problems[1].Key != "teer" || ae.Problems[2].Key != "partner" {
		t.Errorf("problems out of order: %v", ae.Problems)
	}
}

func TestAnswersFromTextErrors(t *testing.T) {
	for _, tc := range []struct {
		values map[Key]string
		want   string
	}{
		{map[Key]string{KeyStudyMonths: "eight"}, "study.months: want a whole number from 0 to 120"},
		{map[Key]string{KeyStudyCompleted: "maybe"}, "study.completed: want yes or no"},
		{map[Key]string{KeyPartner: "spouse"}, `partner: unknown value "spouse"`},
		{map[Key]string{"colour": "blue"}, "colour: unknown key"},
	} {
		_, err := AnswersFromText(tc.values)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.values, err, tc.want)
		}
	}
	a, err := AnswersFromText(map[Key]string{KeyCLB: " 7 ", KeyStudyCompleted: "no", KeyLocation: ""})
	if err != nil || *a.CLB != 7 || *a.Study.Completed || a.Location != "" {
		t.Errorf("a = %+v, err = %v", a, err)
	}
}

func TestQuestionsMatchTheIssueKeys(t *testing.T) {
	want := []string{"location", "status", "study", "job_offer", "canadian_skilled_months", "foreign_skilled_months",
		"teer", "clb", "pr_application", "partner", "partner_permit_months"}
	if got := topKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("keys = %v, want %v", got, want)
	}
	for _, q := range Questions() {
		if q.Title == "" || q.Why == "" {
			t.Errorf("question %s lacks a title or a why", q.Key)
		}
	}
}
