// Package crs is the Express Entry Comprehensive Ranking System
// calculator: the points grid (grid.yaml, data checked against IRCC's CRS
// criteria page), a candidate's profile, the score factor by factor with
// the rule that gave each, and the changes that would raise it most. It
// knows nothing about terminals and must not import package tui.
package crs

import (
	_ "embed"
	"fmt"
	"slices"
	"time"

	"github.com/goccy/go-yaml"
)

//go:embed grid.yaml
var gridYAML []byte

// pair is points with a spouse or partner, then single.
type pair [2]int

func (p pair) pick(withSpouse bool) int {
	if withSpouse {
		return p[0]
	}
	return p[1]
}

// Source is where the grid comes from and when it was checked.
type Source struct {
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher" json:"publisher"`
	URL       string `yaml:"url" json:"url"`
	Checked   string `yaml:"checked" json:"checked"`
}

// Draw is one past Express Entry draw, as the guides report it.
type Draw struct {
	Date   string `yaml:"date" json:"date"`
	Type   string `yaml:"type" json:"type"`
	Cutoff int    `yaml:"cutoff" json:"cutoff"`
	Guide  string `yaml:"guide" json:"guide"`
	Anchor string `yaml:"anchor" json:"anchor"`
}

// Grid is the CRS points grid.
type Grid struct {
	Source Source `yaml:"source"`
	Guide  string `yaml:"guide"`

	Age                      map[int]pair    `yaml:"age"`
	Education                map[string]pair `yaml:"education"`
	FirstLanguage            map[int]pair    `yaml:"first_language"`
	SecondLanguage           map[int]pair    `yaml:"second_language"`
	SecondLanguageCap        pair            `yaml:"second_language_cap"`
	CanadianExperience       map[int]pair    `yaml:"canadian_experience"`
	SpouseEducation          map[string]int  `yaml:"spouse_education"`
	SpouseLanguage           map[int]int     `yaml:"spouse_language"`
	SpouseLanguageCap        int             `yaml:"spouse_language_cap"`
	SpouseCanadianExperience map[int]int     `yaml:"spouse_canadian_experience"`

	CoreCap                 pair `yaml:"core_cap"`
	SpouseCap               int  `yaml:"spouse_cap"`
	TransferabilityGroupCap int  `yaml:"transferability_group_cap"`
	TransferabilityCap      int  `yaml:"transferability_cap"`
	AdditionalCap           int  `yaml:"additional_cap"`
	TotalCap                int  `yaml:"total_cap"`

	Transferability struct {
		EducationLanguage struct{ CLB7, CLB9 [2]int } `yaml:"education_language"`
		EducationCanadian struct{ One, Two [2]int }   `yaml:"education_canadian"`
		ForeignLanguage   struct{ CLB7, CLB9 [2]int } `yaml:"foreign_language"`
		ForeignCanadian   struct{ One, Two [2]int }   `yaml:"foreign_canadian"`
		Certificate       struct{ CLB5, CLB7 int }    `yaml:"certificate"`
	} `yaml:"transferability"`

	Additional struct {
		ProvincialNomination   int `yaml:"provincial_nomination"`
		Sibling                int `yaml:"sibling"`
		FrenchWeakEnglish      int `yaml:"french_weak_english"`
		FrenchStrongEnglish    int `yaml:"french_strong_english"`
		CanadianEducationShort int `yaml:"canadian_education_short"`
		CanadianEducationLong  int `yaml:"canadian_education_long"`
		JobOffer               int `yaml:"job_offer"`
	} `yaml:"additional"`

	RecentDraws []Draw `yaml:"recent_draws"`

	// IELTSGeneral is, per ability, the lowest IELTS General Training score
	// for each CLB level.
	IELTSGeneral map[string]map[int]float64 `yaml:"ielts_general"`
}

// LoadGrid reads the embedded grid.
func LoadGrid() (*Grid, error) {
	var g Grid
	if err := yaml.UnmarshalWithOptions(gridYAML, &g, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("crs grid: %v", err)
	}
	if _, err := time.Parse(time.DateOnly, g.Source.Checked); err != nil {
		return nil, fmt.Errorf("crs grid: source checked date %q: %v", g.Source.Checked, err)
	}
	if g.TotalCap == 0 || len(g.Age) == 0 || len(g.Education) != len(Educations) || len(g.IELTSGeneral) != 4 {
		return nil, fmt.Errorf("crs grid: incomplete")
	}
	for _, e := range Educations {
		if _, ok := g.Education[e]; !ok {
			return nil, fmt.Errorf("crs grid: no points for education %q", e)
		}
		if _, ok := g.SpouseEducation[e]; !ok {
			return nil, fmt.Errorf("crs grid: no spouse points for education %q", e)
		}
	}
	return &g, nil
}

// Educations are the levels of education, lowest first.
var Educations = []string{"none", "secondary", "one-year", "two-year", "bachelor", "two-or-more", "master", "doctoral"}

// Language is CLB (or NCLC) levels in the four abilities; 0 means no test.
type Language struct {
	Reading   int `yaml:"reading" json:"reading"`
	Writing   int `yaml:"writing" json:"writing"`
	Listening int `yaml:"listening" json:"listening"`
	Speaking  int `yaml:"speaking" json:"speaking"`
}

func (l Language) abilities() [4]int { return [4]int{l.Reading, l.Writing, l.Listening, l.Speaking} }

// Min is the lowest of the four levels.
func (l Language) Min() int {
	a := l.abilities()
	return slices.Min(a[:])
}

// Tested reports a result in all four abilities.
func (l Language) Tested() bool { return l.Min() > 0 }

// Scores are English test results in the four abilities, to be converted
// to CLB levels: Test is ielts (General Training) or celpip (General).
type Scores struct {
	Test      string  `yaml:"test" json:"test"`
	Reading   float64 `yaml:"reading" json:"reading"`
	Writing   float64 `yaml:"writing" json:"writing"`
	Listening float64 `yaml:"listening" json:"listening"`
	Speaking  float64 `yaml:"speaking" json:"speaking"`
}

// Tests are the English tests whose results the calculator converts.
var Tests = []string{"ielts", "celpip"}

// CLB converts the scores to CLB levels, ability by ability.
func (g *Grid) CLB(s Scores) (Language, error) {
	conv := func(ability string, score float64) (int, error) {
		switch s.Test {
		case "celpip":
			if score != float64(int(score)) || score < 0 || score > 12 {
				return 0, fmt.Errorf("CELPIP %s: %v is not a level from 0 to 12", ability, score)
			}
			if score < 4 {
				return 0, nil
			}
			return min(int(score), 10), nil
		case "ielts":
			if score < 0 || score > 9 || score*2 != float64(int(score*2)) {
				return 0, fmt.Errorf("IELTS %s: %v is not a band from 0 to 9 in halves", ability, score)
			}
			level := 0
			for clb, least := range g.IELTSGeneral[ability] {
				if score >= least && clb > level {
					level = clb
				}
			}
			return level, nil
		}
		return 0, fmt.Errorf("test: unknown value %q; allowed values: %v", s.Test, Tests)
	}
	var l Language
	var err error
	for _, a := range []struct {
		name  string
		score float64
		to    *int
	}{{"reading", s.Reading, &l.Reading}, {"writing", s.Writing, &l.Writing}, {"listening", s.Listening, &l.Listening}, {"speaking", s.Speaking, &l.Speaking}} {
		if *a.to, err = conv(a.name, a.score); err != nil {
			return Language{}, err
		}
	}
	return l, nil
}

// Profile is what the grid scores, as the calculator's form fills it and
// Grid.Profile turns an answers file into it. Languages are CLB levels for
// English and NCLC levels for French.
type Profile struct {
	Age int `yaml:"age" json:"age"`
	// Partner: none, coming (an accompanying spouse or partner who is not
	// a citizen or PR), citizen-or-pr, or not-coming. Only "coming" is
	// scored as a couple.
	Partner   string `yaml:"partner" json:"partner"`
	Education string `yaml:"education" json:"education"`
	// CanadianEducation: none, one-or-two-year, three-year-or-more.
	CanadianEducation string `yaml:"canadian_education" json:"canadian_education"`
	// FirstLanguage is english or french: which test is the first official
	// language.
	FirstLanguage      string   `yaml:"first_language" json:"first_language"`
	English            Language `yaml:"english" json:"english"`
	French             Language `yaml:"french" json:"french"`
	CanadianYears      int      `yaml:"canadian_experience_years" json:"canadian_experience_years"`
	ForeignYears       int      `yaml:"foreign_experience_years" json:"foreign_experience_years"`
	Certificate        bool     `yaml:"certificate_of_qualification" json:"certificate_of_qualification"`
	Sibling            bool     `yaml:"sibling_in_canada" json:"sibling_in_canada"`
	Nomination         bool     `yaml:"provincial_nomination" json:"provincial_nomination"`
	JobOffer           bool     `yaml:"job_offer" json:"job_offer"`
	PartnerEducation   string   `yaml:"partner_education" json:"partner_education"`
	PartnerLanguage    Language `yaml:"partner_language" json:"partner_language"`
	PartnerCanadianYrs int      `yaml:"partner_canadian_experience_years" json:"partner_canadian_experience_years"`
}

// Partners are the answers Profile.Partner takes.
var Partners = []string{"none", "coming", "citizen-or-pr", "not-coming"}

// CanadianEducations are the answers Profile.CanadianEducation takes.
var CanadianEducations = []string{"none", "one-or-two-year", "three-year-or-more"}

// Check reports what is wrong with a profile, or nil.
func (p Profile) Check() error {
	bad := func(field, value string, allowed []string) error {
		return fmt.Errorf("%s: unknown value %q; allowed values: %v", field, value, allowed)
	}
	switch {
	case p.Age < 0 || p.Age > 120:
		return fmt.Errorf("age: %d is not an age", p.Age)
	case p.Partner != "" && !slices.Contains(Partners, p.Partner):
		return bad("partner", p.Partner, Partners)
	case p.Education != "" && !slices.Contains(Educations, p.Education):
		return bad("education", p.Education, Educations)
	case p.PartnerEducation != "" && !slices.Contains(Educations, p.PartnerEducation):
		return bad("partner_education", p.PartnerEducation, Educations)
	case p.CanadianEducation != "" && !slices.Contains(CanadianEducations, p.CanadianEducation):
		return bad("canadian_education", p.CanadianEducation, CanadianEducations)
	case p.FirstLanguage != "" && p.FirstLanguage != "english" && p.FirstLanguage != "french":
		return bad("first_language", p.FirstLanguage, []string{"english", "french"})
	case p.CanadianYears < 0 || p.ForeignYears < 0 || p.PartnerCanadianYrs < 0:
		return fmt.Errorf("years of experience cannot be negative")
	}
	for _, l := range []Language{p.English, p.French, p.PartnerLanguage} {
		for _, v := range l.abilities() {
			if v < 0 || v > 12 {
				return fmt.Errorf("language levels run from 1 to 12 (CLB or NCLC), not %d", v)
			}
		}
	}
	return nil
}

// WithSpouse reports whether the profile is scored as a couple: only an
// accompanying spouse or partner who is not a Canadian citizen or
// permanent resident counts.
func (p Profile) WithSpouse() bool { return p.Partner == "coming" }

// languages returns the first and second official language results, and
// whether French is the first.
func (p Profile) languages() (first, second Language, french bool) {
	if p.FirstLanguage == "french" || (p.FirstLanguage == "" && !p.English.Tested() && p.French.Tested()) {
		return p.French, p.English, true
	}
	return p.English, p.French, false
}
