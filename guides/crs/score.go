package crs

import (
	"fmt"
	"slices"
	"strings"
)

// Factor is one line of a score: its points and the rule that gave them.
type Factor struct {
	Section string `json:"section"` // A, B, C or D
	Name    string `json:"name"`
	Points  int    `json:"points"`
	Rule    string `json:"rule"`
	// Anchor is the section of the CRS guide that explains the factor.
	Anchor string `json:"anchor"`
}

// Section is one of the grid's four parts, capped.
type Section struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Points int    `json:"points"`
	Max    int    `json:"max"`
}

// Gain is a change that would raise the score, and by how much.
type Gain struct {
	Change string `json:"change"`
	Points int    `json:"points"`
	Anchor string `json:"anchor"`
}

// Result is a score, factor by factor.
type Result struct {
	Total      int       `json:"total"`
	Max        int       `json:"max"`
	WithSpouse bool      `json:"with_spouse"`
	Sections   []Section `json:"sections"`
	Factors    []Factor  `json:"factors"`
	// Gains are the changes that would raise the score most, largest first.
	Gains []Gain `json:"gains"`
	// Notes say what was asked but not scored (a job offer, since
	// March 25, 2025) and what is not in force.
	Notes  []string `json:"notes"`
	Source Source   `json:"source"`
	Draws  []Draw   `json:"recent_draws"`
}

// Guide anchors of the CRS guide, one per factor.
const (
	anchorAge             = "age"
	anchorEducation       = "level-of-education"
	anchorFirstLanguage   = "first-official-language"
	anchorSecondLanguage  = "second-official-language"
	anchorCanadian        = "canadian-work-experience"
	anchorSpouse          = "b-spouse-or-partner-points"
	anchorTransferability = "c-skill-transferability-points"
	anchorAdditional      = "d-additional-points"
	anchorJobOffer        = "job-offer-points-removed-on-march-25-2025"
	anchorHighWage        = "not-confirmed-a-high-wage-occupation-factor"
)

// Anchors lists every anchor the calculator links to, for the test that
// holds the CRS guide to them.
var Anchors = []string{anchorAge, anchorEducation, anchorFirstLanguage, anchorSecondLanguage, anchorCanadian,
	anchorSpouse, anchorTransferability, anchorAdditional, anchorJobOffer, anchorHighWage}

// Score computes a profile's CRS score. The profile must pass Check.
func (g *Grid) Score(p Profile) Result {
	r := g.score(p)
	r.Gains = g.gains(p, r.Total)
	return r
}

func (g *Grid) score(p Profile) Result {
	couple := p.WithSpouse()
	r := Result{Max: g.TotalCap, WithSpouse: couple, Source: g.Source, Draws: g.RecentDraws}
	add := func(section, name, anchor string, points int, rule string, args ...any) {
		r.Factors = append(r.Factors, Factor{Section: section, Name: name, Points: points, Rule: fmt.Sprintf(rule, args...), Anchor: anchor})
	}
	first, second, firstIsFrench := p.languages()
	firstName, secondName := "English", "French"
	if firstIsFrench {
		firstName, secondName = "French", "English"
	}

	// A. Core / human capital.
	age := 0
	if pts, ok := g.Age[p.Age]; ok {
		age = pts.pick(couple)
	}
	add("A", "Age", anchorAge, age, "age %d", p.Age)
	edu := p.Education
	if edu == "" {
		edu = "none"
	}
	add("A", "Education", anchorEducation, g.Education[edu].pick(couple), "highest level: %s", edu)
	firstPts := 0
	for _, lvl := range first.abilities() {
		firstPts += g.FirstLanguage[min(lvl, 10)].pick(couple)
	}
	add("A", "First official language", anchorFirstLanguage, firstPts, "%s, CLB/NCLC %s", firstName, levels(first))
	secondPts := 0
	for _, lvl := range second.abilities() {
		secondPts += g.SecondLanguage[min(lvl, 9)].pick(couple)
	}
	secondPts = min(secondPts, g.SecondLanguageCap.pick(couple))
	add("A", "Second official language", anchorSecondLanguage, secondPts, "%s, CLB/NCLC %s (at most %d)", secondName, levels(second), g.SecondLanguageCap.pick(couple))
	canYears := min(p.CanadianYears, 5)
	add("A", "Canadian work experience", anchorCanadian, g.CanadianExperience[canYears].pick(couple), "%d year(s) of skilled work in Canada", p.CanadianYears)
	a := min(age+g.Education[edu].pick(couple)+firstPts+secondPts+g.CanadianExperience[canYears].pick(couple), g.CoreCap.pick(couple))
	aMax := g.CoreCap.pick(couple)

	// B. Spouse or partner.
	b := 0
	if couple {
		pe := p.PartnerEducation
		if pe == "" {
			pe = "none"
		}
		langPts := 0
		for _, lvl := range p.PartnerLanguage.abilities() {
			langPts += g.SpouseLanguage[min(lvl, 9)]
		}
		langPts = min(langPts, g.SpouseLanguageCap)
		canPts := g.SpouseCanadianExperience[min(p.PartnerCanadianYrs, 5)]
		add("B", "Spouse's education", anchorSpouse, g.SpouseEducation[pe], "%s", pe)
		add("B", "Spouse's first official language", anchorSpouse, langPts, "CLB/NCLC %s", levels(p.PartnerLanguage))
		add("B", "Spouse's Canadian work experience", anchorSpouse, canPts, "%d year(s)", p.PartnerCanadianYrs)
		b = min(g.SpouseEducation[pe]+langPts+canPts, g.SpouseCap)
	}

	// C. Skill transferability.
	t := g.Transferability
	minFirst := first.Min()
	eduTier := educationTier(edu)
	langCol := func(clb7, clb9 [2]int, tier int) int {
		if tier == 0 {
			return 0
		}
		switch {
		case minFirst >= 9:
			return clb9[tier-1]
		case minFirst >= 7:
			return clb7[tier-1]
		}
		return 0
	}
	canCol := func(one, two [2]int, tier int) int {
		if tier == 0 {
			return 0
		}
		switch {
		case p.CanadianYears >= 2:
			return two[tier-1]
		case p.CanadianYears == 1:
			return one[tier-1]
		}
		return 0
	}
	eduLang := langCol(t.EducationLanguage.CLB7, t.EducationLanguage.CLB9, eduTier)
	eduCan := canCol(t.EducationCanadian.One, t.EducationCanadian.Two, eduTier)
	eduGroup := min(eduLang+eduCan, g.TransferabilityGroupCap)
	add("C", "Education with language and Canadian work", anchorTransferability, eduGroup,
		"%d with language, %d with Canadian work, at most %d", eduLang, eduCan, g.TransferabilityGroupCap)
	forTier := 0
	switch {
	case p.ForeignYears >= 3:
		forTier = 2
	case p.ForeignYears >= 1:
		forTier = 1
	}
	forLang := langCol(t.ForeignLanguage.CLB7, t.ForeignLanguage.CLB9, forTier)
	forCan := canCol(t.ForeignCanadian.One, t.ForeignCanadian.Two, forTier)
	forGroup := min(forLang+forCan, g.TransferabilityGroupCap)
	add("C", "Foreign work with language and Canadian work", anchorTransferability, forGroup,
		"%d year(s) abroad: %d with language, %d with Canadian work, at most %d", p.ForeignYears, forLang, forCan, g.TransferabilityGroupCap)
	cert := 0
	if p.Certificate {
		switch {
		case minFirst >= 7:
			cert = t.Certificate.CLB7
		case minFirst >= 5:
			cert = t.Certificate.CLB5
		}
	}
	add("C", "Certificate of qualification", anchorTransferability, cert, "with CLB/NCLC %d as the lowest ability", minFirst)
	c := min(eduGroup+forGroup+cert, g.TransferabilityCap)

	// D. Additional points.
	ad := g.Additional
	nom := 0
	if p.Nomination {
		nom = ad.ProvincialNomination
	}
	add("D", "Provincial nomination", anchorAdditional, nom, "%s", yesNo(p.Nomination))
	french := 0
	if p.French.Min() >= 7 {
		french = ad.FrenchWeakEnglish
		if p.English.Min() >= 5 {
			french = ad.FrenchStrongEnglish
		}
	}
	add("D", "French-language ability", anchorAdditional, french, "NCLC %s, English CLB %s", levels(p.French), levels(p.English))
	study := 0
	switch p.CanadianEducation {
	case "one-or-two-year":
		study = ad.CanadianEducationShort
	case "three-year-or-more":
		study = ad.CanadianEducationLong
	}
	canEdu := p.CanadianEducation
	if canEdu == "" {
		canEdu = "none"
	}
	add("D", "Post-secondary education in Canada", anchorAdditional, study, "%s", canEdu)
	sib := 0
	if p.Sibling {
		sib = ad.Sibling
	}
	add("D", "Brother or sister in Canada", anchorAdditional, sib, "%s", yesNo(p.Sibling))
	d := min(nom+french+study+sib, g.AdditionalCap)
	if p.JobOffer {
		add("D", "Job offer", anchorJobOffer, ad.JobOffer, "job offers give no CRS points since March 25, 2025")
		r.Notes = append(r.Notes, "A job offer gives no CRS points since March 25, 2025; it still matters for eligibility and for some provincial streams.")
	}
	r.Notes = append(r.Notes, "A high-wage occupation factor has been described only in unofficial reports; it is not scored here (see the CRS guide's box).")

	r.Sections = []Section{
		{ID: "A", Name: "Core / human capital", Points: a, Max: aMax},
		{ID: "B", Name: "Spouse or common-law partner", Points: b, Max: g.SpouseCap},
		{ID: "C", Name: "Skill transferability", Points: c, Max: g.TransferabilityCap},
		{ID: "D", Name: "Additional points", Points: d, Max: g.AdditionalCap},
	}
	if !couple {
		r.Sections[1].Max = 0
	}
	r.Total = min(a+b+c+d, g.TotalCap)
	return r
}

// educationTier is 0 for secondary school or less, 1 for one
// post-secondary credential of a year or more, 2 for two or more
// credentials, a master's, a professional degree or a doctorate.
func educationTier(edu string) int {
	switch edu {
	case "one-year", "two-year", "bachelor":
		return 1
	case "two-or-more", "master", "doctoral":
		return 2
	}
	return 0
}

// gains tries the changes a candidate can work on and keeps the three that
// raise the score most.
func (g *Grid) gains(p Profile, total int) []Gain {
	var out []Gain
	try := func(change, anchor string, q Profile) {
		if s := g.score(q).Total - total; s > 0 {
			out = append(out, Gain{Change: change, Points: s, Anchor: anchor})
		}
	}
	first, _, firstIsFrench := p.languages()
	for _, level := range []int{9, 10} {
		q := p
		l := raise(first, level)
		if firstIsFrench {
			q.French = l
		} else {
			q.English = l
		}
		name := "CLB"
		if firstIsFrench {
			name = "NCLC"
		}
		if l != first {
			try(fmt.Sprintf("%s %d in all four abilities of your first official language", name, level), anchorFirstLanguage, q)
		}
	}
	if p.CanadianYears < 5 {
		q := p
		q.CanadianYears++
		try(fmt.Sprintf("another year of skilled work in Canada (%d in all)", q.CanadianYears), anchorCanadian, q)
	}
	if !firstIsFrench && p.French.Min() < 7 {
		q := p
		q.French = raise(p.French, 7)
		try("NCLC 7 in all four French abilities", anchorAdditional, q)
	}
	if i := slices.Index(Educations, p.Education); i >= 0 && i < slices.Index(Educations, "master") {
		q := p
		q.Education = "master"
		try("a master's degree (with an educational credential assessment if it is from abroad)", anchorEducation, q)
	}
	if p.WithSpouse() && p.PartnerLanguage.Min() < 9 {
		q := p
		q.PartnerLanguage = raise(p.PartnerLanguage, 9)
		try("your spouse or partner at CLB 9 in all four abilities", anchorSpouse, q)
	}
	slices.SortStableFunc(out, func(a, b Gain) int { return b.Points - a.Points })
	return out[:min(3, len(out))]
}

// raise lifts every ability below level to level.
func raise(l Language, level int) Language {
	up := func(v int) int { return max(v, level) }
	return Language{Reading: up(l.Reading), Writing: up(l.Writing), Listening: up(l.Listening), Speaking: up(l.Speaking)}
}

func levels(l Language) string {
	if !l.Tested() && l.abilities() == [4]int{} {
		return "none"
	}
	a := l.abilities()
	return strings.Trim(strings.Join(strings.Fields(fmt.Sprint(a)), "/"), "[]")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
