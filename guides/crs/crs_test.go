package crs

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pathways/guides"
)

func grid(t *testing.T) *Grid {
	t.Helper()
	g, err := LoadGrid()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func all(level int) Language { return Language{level, level, level, level} }

func section(r Result, id string) int {
	for _, s := range r.Sections {
		if s.ID == id {
			return s.Points
		}
	}
	return -1
}

// TestWorkedExamples holds the grid to the worked examples of the CRS guide.
func TestWorkedExamples(t *testing.T) {
	g := grid(t)
	single := Profile{Age: 27, Partner: "none", Education: "two-year", CanadianEducation: "one-or-two-year",
		English: all(9), CanadianYears: 1}
	r := g.Score(single)
	if r.Total != 425 || section(r, "A") != 372 || section(r, "C") != 38 || section(r, "D") != 15 {
		t.Errorf("example 1: %d (A %d, C %d, D %d), want 425 (372, 38, 15)", r.Total, section(r, "A"), section(r, "C"), section(r, "D"))
	}
	second := single
	second.CanadianYears = 2
	if got := g.Score(second).Total; got != 450 {
		t.Errorf("example 1 with a second year in Canada: %d, want 450", got)
	}

	couple := Profile{Age: 33, Partner: "coming", Education: "master", English: all(9), ForeignYears: 3, CanadianYears: 1,
		PartnerEducation: "bachelor", PartnerLanguage: all(7)}
	r = g.Score(couple)
	if r.Total != 477 || section(r, "A") != 357 || section(r, "B") != 20 || section(r, "C") != 100 {
		t.Errorf("example 2: %d (A %d, B %d, C %d), want 477 (357, 20, 100)", r.Total, section(r, "A"), section(r, "B"), section(r, "C"))
	}
	french := couple
	french.French = all(7)
	if got := g.Score(french).Total; got != 539 {
		t.Errorf("example 2 with NCLC 7 French: %d, want 539", got)
	}
	nominated := couple
	nominated.Nomination = true
	if got := g.Score(nominated).Total; got != 1077 {
		t.Errorf("example 2 with a nomination: %d, want 1077", got)
	}
}

// TestPartnerScoredAsSingle: a partner who is a citizen or PR, or who is
// not coming, scores as single.
func TestPartnerScoredAsSingle(t *testing.T) {
	g := grid(t)
	base := Profile{Age: 30, Education: "bachelor", English: all(8), CanadianYears: 2}
	want := g.Score(base).Total
	for _, partner := range []string{"none", "citizen-or-pr", "not-coming"} {
		p := base
		p.Partner, p.PartnerEducation, p.PartnerLanguage = partner, "master", all(9)
		if got := g.Score(p); got.Total != want || got.WithSpouse {
			t.Errorf("partner %s: %d (with spouse %v), want %d as single", partner, got.Total, got.WithSpouse, want)
		}
	}
	p := base
	p.Partner = "coming"
	if got := g.Score(p); !got.WithSpouse || got.Total == want {
		t.Errorf("an accompanying partner does not change the scoring: %+v", got.Sections)
	}
}

// TestCaps: the second language, spouse, transferability groups and total
// stay within their caps, and a job offer gives nothing but a note.
func TestCaps(t *testing.T) {
	g := grid(t)
	top := Profile{Age: 25, Partner: "coming", Education: "doctoral", CanadianEducation: "three-year-or-more",
		English: all(12), French: all(12), CanadianYears: 8, ForeignYears: 10, Certificate: true, Sibling: true,
		Nomination: true, JobOffer: true, PartnerEducation: "doctoral", PartnerLanguage: all(12), PartnerCanadianYrs: 9}
	r := g.Score(top)
	if r.Total != 1200 {
		t.Errorf("the best profile scores %d, want 1,200", r.Total)
	}
	for _, s := range r.Sections {
		if s.Points > s.Max {
			t.Errorf("section %s: %d over its cap %d", s.ID, s.Points, s.Max)
		}
	}
	for _, f := range r.Factors {
		if f.Name == "Second official language" && f.Points != 22 {
			t.Errorf("second language with a spouse: %d, want the cap 22", f.Points)
		}
		if f.Name == "Job offer" && f.Points != 0 {
			t.Errorf("a job offer scored %d", f.Points)
		}
	}
	if !strings.Contains(strings.Join(r.Notes, " "), "March 25, 2025") {
		t.Error("no note that job offers give no points")
	}
}

// TestFrenchPoints: 25 with weak or no English, 50 with CLB 5 or more.
func TestFrenchPoints(t *testing.T) {
	g := grid(t)
	for _, c := range []struct {
		english Language
		want    int
	}{{Language{}, 25}, {all(4), 25}, {all(5), 50}, {Language{9, 9, 9, 4}, 25}} {
		p := Profile{Age: 30, Education: "bachelor", FirstLanguage: "french", French: all(7), English: c.english}
		for _, f := range g.Score(p).Factors {
			if f.Name == "French-language ability" && f.Points != c.want {
				t.Errorf("English %v: French points %d, want %d", c.english, f.Points, c.want)
			}
		}
	}
}

// TestGains: the suggested changes are the largest, each gain is what the
// changed profile really scores, and none is offered that gives nothing.
func TestGains(t *testing.T) {
	g := grid(t)
	p := Profile{Age: 27, Partner: "none", Education: "two-year", CanadianEducation: "one-or-two-year", English: all(7), CanadianYears: 1}
	r := g.Score(p)
	if len(r.Gains) != 3 {
		t.Fatalf("%d gains, want 3: %+v", len(r.Gains), r.Gains)
	}
	if !slices.IsSortedFunc(r.Gains, func(a, b Gain) int { return b.Points - a.Points }) {
		t.Errorf("gains not largest first: %+v", r.Gains)
	}
	if !strings.Contains(r.Gains[0].Change, "CLB 10") {
		t.Errorf("the largest gain for CLB 7 is %q, want the language retest", r.Gains[0].Change)
	}
	q := p
	q.CanadianYears = 2
	want := g.Score(q).Total - r.Total
	found := false
	for _, gain := range g.Score(p).Gains {
		if strings.HasPrefix(gain.Change, "another year") {
			found = true
			if gain.Points != want {
				t.Errorf("another year gains %d, want %d", gain.Points, want)
			}
		}
	}
	if !found && want >= r.Gains[2].Points {
		t.Errorf("another year (+%d) is missing from %+v", want, r.Gains)
	}
}

// TestCheck refuses values outside the answers.
func TestCheck(t *testing.T) {
	for _, p := range []Profile{{Partner: "maybe"}, {Education: "phd"}, {Age: -1}, {English: all(13)}, {FirstLanguage: "latin"}, {CanadianYears: -2}} {
		if p.Check() == nil {
			t.Errorf("%+v passed the check", p)
		}
	}
	if err := (Profile{Age: 30, Education: "master", English: all(9)}).Check(); err != nil {
		t.Error(err)
	}
}

// TestAnchorsExist: every section of the CRS guide the calculator links to
// is there, and so is every draw's.
func TestAnchorsExist(t *testing.T) {
	lib := guides.LoadEmbedded()
	g := grid(t)
	crs, ok := lib.Guide(g.Guide)
	if !ok {
		t.Fatalf("no guide %q", g.Guide)
	}
	for _, a := range Anchors {
		if _, ok := crs.Heading(a); !ok {
			t.Errorf("the CRS guide has no section #%s", a)
		}
	}
	for _, d := range g.RecentDraws {
		dg, ok := lib.Guide(d.Guide)
		if !ok {
			t.Errorf("draw %s: no guide %q", d.Date, d.Guide)
			continue
		}
		if _, ok := dg.Heading(d.Anchor); !ok {
			t.Errorf("draw %s: no section #%s in %s", d.Date, d.Anchor, d.Guide)
		}
		if !strings.Contains(dg.Body, strconv.Itoa(d.Cutoff)) {
			t.Errorf("draw %s: the cut-off %d is not in %s", d.Date, d.Cutoff, d.Guide)
		}
	}
}

// TestEnglishScores converts IELTS General Training and CELPIP-General
// results to CLB levels, ability by ability, as IRCC's charts do.
func TestEnglishScores(t *testing.T) {
	g := grid(t)
	for _, c := range []struct {
		s    Scores
		want Language
	}{
		{Scores{"ielts", 7, 6.5, 8, 7}, Language{9, 8, 9, 9}},
		{Scores{"ielts", 8, 7.5, 8.5, 7.5}, Language{10, 10, 10, 10}},
		{Scores{"ielts", 9, 9, 9, 9}, Language{10, 10, 10, 10}},
		{Scores{"ielts", 6, 6, 6, 6}, Language{7, 7, 7, 7}},
		{Scores{"ielts", 5, 5.5, 7.5, 5.5}, Language{6, 6, 8, 6}},
		{Scores{"ielts", 4, 5, 5, 5}, Language{5, 5, 5, 5}},
		{Scores{"ielts", 3.5, 4, 4.5, 4}, Language{4, 4, 4, 4}},
		{Scores{"ielts", 3, 3.5, 4, 3.5}, Language{0, 0, 0, 0}},
		{Scores{"celpip", 9, 11, 12, 3}, Language{9, 10, 10, 0}},
	} {
		got, err := g.CLB(c.s)
		if err != nil || got != c.want {
			t.Errorf("%+v: %v (%v), want %v", c.s, got, err, c.want)
		}
	}
	for _, bad := range []Scores{{"ielts", 6.3, 6, 6, 6}, {"ielts", 10, 6, 6, 6}, {"celpip", 7.5, 7, 7, 7}, {"toefl", 100, 100, 100, 100}} {
		if _, err := g.CLB(bad); err == nil {
			t.Errorf("%+v converted", bad)
		}
	}
	p, err := g.Profile(Answers{Age: 30, FirstLanguage: &LanguageResult{Language: "english", Scores: Scores{Test: "ielts", Reading: 7, Writing: 7, Listening: 8, Speaking: 7}}})
	if err != nil || p.English != all(9) || p.FirstLanguage != "english" {
		t.Errorf("answers with IELTS: %v %v", p.English, err)
	}
}

// TestCertificateExample: a tradesperson's worked example, by hand: age 35
// single (77), secondary school (30), CLB 7 in all four (4 × 17 = 68), two
// years in Canada (53) = 228; transferability: foreign work with CLB 7 (25)
// and with two years in Canada (50), capped at 50, plus a certificate of
// qualification with CLB 7 (50) = 100; total 328.
func TestCertificateExample(t *testing.T) {
	g := grid(t)
	p := Profile{Age: 35, Education: "secondary", English: all(7), CanadianYears: 2, ForeignYears: 3, Certificate: true}
	r := g.Score(p)
	if r.Total != 328 || section(r, "A") != 228 || section(r, "C") != 100 {
		t.Errorf("certificate example: %d (A %d, C %d), want 328 (228, 100)", r.Total, section(r, "A"), section(r, "C"))
	}
	p.English = all(6) // below CLB 7: the certificate gives 25; foreign work gets nothing with language, 50 with Canadian work
	if got := g.Score(p).Total; got != 77+30+4*9+53+50+25 {
		t.Errorf("certificate with CLB 6: %d, want %d", got, 77+30+4*9+53+50+25)
	}
}

// TestMoreIsNeverLess: raising any factor a candidate controls never lowers
// the score, no section passes its cap and the total never passes 1,200,
// over many generated profiles.
func TestMoreIsNeverLess(t *testing.T) {
	g := grid(t)
	rng := rand.New(rand.NewPCG(1, 2))
	lang := func() Language { return Language{rng.IntN(13), rng.IntN(13), rng.IntN(13), rng.IntN(13)} }
	for range 3000 {
		p := Profile{Age: 17 + rng.IntN(30), Partner: Partners[rng.IntN(len(Partners))], Education: Educations[rng.IntN(len(Educations))],
			CanadianEducation: CanadianEducations[rng.IntN(3)], FirstLanguage: []string{"english", "french"}[rng.IntN(2)],
			English: lang(), French: lang(), CanadianYears: rng.IntN(7), ForeignYears: rng.IntN(5),
			Certificate: rng.IntN(2) == 0, Sibling: rng.IntN(2) == 0, Nomination: rng.IntN(4) == 0,
			PartnerEducation: Educations[rng.IntN(len(Educations))], PartnerLanguage: lang(), PartnerCanadianYrs: rng.IntN(6)}
		r := g.score(p)
		if r.Total > 1200 {
			t.Fatalf("%+v scores %d", p, r.Total)
		}
		for _, s := range r.Sections {
			if s.Points > s.Max && !(s.ID == "B" && s.Max == 0 && s.Points == 0) {
				t.Fatalf("%+v: section %s %d over %d", p, s.ID, s.Points, s.Max)
			}
		}
		better := []Profile{p, p, p, p, p, p, p, p}
		better[0].CanadianYears++
		better[1].ForeignYears++
		better[2].English = raise(p.English, min(p.English.Min()+1, 12))
		better[3].French = raise(p.French, min(p.French.Min()+1, 12))
		if i := slices.Index(Educations, p.Education); i < len(Educations)-1 {
			better[4].Education = Educations[i+1]
		}
		better[5].Certificate, better[5].Sibling, better[5].Nomination = true, true, true
		better[6].PartnerLanguage = raise(p.PartnerLanguage, min(p.PartnerLanguage.Min()+1, 12))
		better[7].PartnerCanadianYrs++
		for i, q := range better {
			if got := g.score(q).Total; got < r.Total {
				t.Fatalf("raising factor %d lowered %+v from %d to %d", i, p, r.Total, got)
			}
		}
	}
}

// TestGridMatchesTheGuide: the calculator's tables and the CRS guide's
// tables are the same facts, row by row.
func TestGridMatchesTheGuide(t *testing.T) {
	g := grid(t)
	lib := guides.LoadEmbedded()
	guide, _ := lib.Guide(g.Guide)
	rows := func(heading string) [][]string {
		h, ok := guide.Heading(guides.Anchor(heading))
		if !ok {
			t.Fatalf("no %q section in the CRS guide", heading)
		}
		var out [][]string
		for _, line := range strings.Split(guide.Body[h.Offset:], "\n")[1:] {
			if strings.HasPrefix(line, "#") {
				break
			}
			if !strings.HasPrefix(line, "|") || strings.Contains(line, "---") {
				continue
			}
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			out = append(out, cells)
		}
		return out[1:] // past the header row
	}
	// keys reads "18", "20 to 29", "4 or 5", "5 or more", "Below 4",
	// "17 or under", "45 or older", "Less than 1" as the integer keys.
	keys := func(cell string, top int) []int {
		var a, b int
		switch {
		case strings.HasPrefix(cell, "Below"), strings.HasPrefix(cell, "Less than"), strings.HasSuffix(cell, "or under"), strings.HasSuffix(cell, "or below"):
			return []int{-1}
		case strings.HasSuffix(cell, "or older"):
			return []int{-1}
		case strings.HasSuffix(cell, "or more"):
			fmt.Sscanf(cell, "%d", &a)
			return []int{a}
		case strings.Contains(cell, " to "), strings.Contains(cell, " or "):
			fmt.Sscanf(strings.NewReplacer(" to ", " ", " or ", " ").Replace(cell), "%d %d", &a, &b)
		default:
			fmt.Sscanf(cell, "%d", &a)
			b = a
		}
		var out []int
		for k := a; k <= b && k <= top; k++ {
			out = append(out, k)
		}
		return out
	}
	check := func(name string, table map[int]pair, top int, twoColumns bool) {
		seen := 0
		for _, r := range rows(name) {
			for _, k := range keys(r[0], top) {
				want := pair{}
				if k >= 0 {
					want = table[k]
				}
				var got pair
				if twoColumns {
					fmt.Sscanf(r[1]+" "+r[2], "%d %d", &got[0], &got[1])
				} else {
					fmt.Sscanf(r[1], "%d", &got[0])
					got[1] = got[0]
				}
				if got != want {
					t.Errorf("%s, row %q: the guide says %v, the grid %v", name, r[0], got, want)
				}
				seen++
			}
		}
		if seen < len(table) {
			t.Errorf("%s: the guide's table covers %d rows of the grid's %d", name, seen, len(table))
		}
	}
	check("Age", g.Age, 44, true)
	check("First official language", g.FirstLanguage, 10, true)
	check("Second official language", g.SecondLanguage, 9, false)
	check("Canadian work experience", g.CanadianExperience, 5, true)
	labels := map[string]string{
		"Less than secondary school": "none", "Secondary school": "secondary", "One-year post-secondary program": "one-year",
		"Two-year post-secondary program": "two-year", "Bachelor's degree, or a program of three years or more": "bachelor",
		"Two or more credentials, one of them from a program of three years or more":                    "two-or-more",
		"Master's degree, or an entry-to-practice professional degree for a licensed TEER 1 occupation": "master",
		"Doctoral degree (PhD)": "doctoral",
	}
	for _, r := range rows("Level of education") {
		key, ok := labels[r[0]]
		if !ok {
			t.Errorf("education row %q has no grid key", r[0])
			continue
		}
		var got pair
		fmt.Sscanf(r[1]+" "+r[2], "%d %d", &got[0], &got[1])
		if got != g.Education[key] {
			t.Errorf("education %q: the guide says %v, the grid %v", r[0], got, g.Education[key])
		}
	}
}

// TestAnswerErrors: every bad answer is refused with the key it sits under,
// and a value a file holds is quoted at most 40 characters long.
func TestAnswerErrors(t *testing.T) {
	g := grid(t)
	long := strings.Repeat("x", 10_000)
	en := func(test string) *LanguageResult {
		return &LanguageResult{Language: "english", Scores: Scores{Test: test, Reading: 7, Writing: 7, Listening: 7, Speaking: 7}}
	}
	for _, c := range []struct {
		a    Answers
		want string
	}{
		{Answers{}, "age: missing"},
		{Answers{Age: 30, Partner: "married"}, `partner: unknown value "married"`},
		{Answers{Age: 30, Education: long}, `education: unknown value "` + strings.Repeat("x", 40) + `…"`},
		{Answers{Age: 30, CanadianEducation: "phd"}, "canadian_education: unknown value"},
		{Answers{Age: 30, FirstLanguage: &LanguageResult{Language: "german"}}, "first_language.language: unknown value"},
		{Answers{Age: 30, FirstLanguage: en("clb"), SecondLanguage: en("clb")}, "second_language: english is given twice"},
		{Answers{Age: 30, FirstLanguage: &LanguageResult{Language: "english", Scores: Scores{Test: "clb", Reading: 7.5}}}, "first_language: 7.5 is not a CLB/NCLC level"},
		{Answers{Age: 30, FirstLanguage: &LanguageResult{Language: "french", Scores: Scores{Test: "ielts"}}}, "first_language: ielts is an English test"},
		{Answers{Age: 30, FirstLanguage: en("pte-core")}, "first_language: pte-core results are not converted"},
		{Answers{Age: 30, FirstLanguage: en(long)}, `first_language.test: unknown value "` + strings.Repeat("x", 40) + `…"`},
		{Answers{Age: 30, Spouse: &SpouseAnswers{Education: "phd"}}, "spouse.education: unknown value"},
	} {
		_, err := g.Profile(c.a)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || len(err.Error()) > 300 {
			t.Errorf("%.80v: got %.300v, want it to start %q", c.a, err, c.want)
		}
	}
}
