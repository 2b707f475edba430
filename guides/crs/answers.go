package crs

import (
	"fmt"
	"slices"

	"pathways/guides"
)

// Answers is the calculator's answers file, as scripts write it (the keys
// are documented in the README and in `pathways crs --help`). A missing key
// means none, except age, which is required.
type Answers struct {
	Age               int             `yaml:"age" json:"age"`
	Partner           string          `yaml:"partner" json:"partner"`
	Education         string          `yaml:"education" json:"education"`
	CanadianEducation string          `yaml:"canadian_education" json:"canadian_education"`
	FirstLanguage     *LanguageResult `yaml:"first_language" json:"first_language"`
	SecondLanguage    *LanguageResult `yaml:"second_language" json:"second_language"`
	CanadianWorkYears int             `yaml:"canadian_work_years" json:"canadian_work_years"`
	ForeignWorkYears  int             `yaml:"foreign_work_years" json:"foreign_work_years"`
	Certificate       bool            `yaml:"certificate_of_qualification" json:"certificate_of_qualification"`
	Nomination        bool            `yaml:"provincial_nomination" json:"provincial_nomination"`
	Sibling           bool            `yaml:"sibling_in_canada" json:"sibling_in_canada"`
	JobOffer          bool            `yaml:"job_offer" json:"job_offer"`
	Spouse            *SpouseAnswers  `yaml:"spouse" json:"spouse"`
}

// LanguageResult is one official language's result: CLB/NCLC levels
// (test: clb) or a test's scores, in the four abilities.
type LanguageResult struct {
	Language string `yaml:"language" json:"language"`
	Scores   `yaml:",inline"`
}

// SpouseAnswers are an accompanying spouse's or partner's factors.
type SpouseAnswers struct {
	Education         string          `yaml:"education" json:"education"`
	FirstLanguage     *LanguageResult `yaml:"first_language" json:"first_language"`
	CanadianWorkYears int             `yaml:"canadian_work_years" json:"canadian_work_years"`
}

// The answers' values, as the file writes them.
var (
	AnswerPartners   = []string{"none", "accompanying", "not-accompanying", "canadian-citizen-or-pr"}
	AnswerEducations = []string{"none", "secondary", "one-year", "two-year", "bachelors-or-three-year", "two-or-more",
		"masters-or-professional", "doctoral"}
	AnswerTests     = []string{"clb", "celpip", "ielts", "pte-core", "tef", "tcf"}
	AnswerLanguages = []string{"english", "french"}
)

// answerEducation maps the file's education values to the grid's.
var answerEducation = map[string]string{
	"none": "none", "secondary": "secondary", "one-year": "one-year", "two-year": "two-year",
	"bachelors-or-three-year": "bachelor", "two-or-more": "two-or-more", "masters-or-professional": "master",
	"doctoral": "doctoral", "": "none",
}

var answerPartner = map[string]string{
	"none": "none", "accompanying": "coming", "not-accompanying": "not-coming", "canadian-citizen-or-pr": "citizen-or-pr", "": "none",
}

// Profile checks answers and turns them into the profile the grid scores:
// a clear error names the key and the allowed values, and nothing is
// scored half-way.
func (g *Grid) Profile(a Answers) (Profile, error) {
	allowed := func(key, value string, values []string) error {
		return fmt.Errorf("%s: unknown value %q; allowed values: %v", key, guides.Shorten(value, 40), values)
	}
	if a.Age <= 0 {
		return Profile{}, fmt.Errorf("age: missing; give your age in years")
	}
	partner, ok := answerPartner[a.Partner]
	if !ok {
		return Profile{}, allowed("partner", a.Partner, AnswerPartners)
	}
	edu, ok := answerEducation[a.Education]
	if !ok {
		return Profile{}, allowed("education", a.Education, AnswerEducations)
	}
	if a.CanadianEducation != "" && !slices.Contains(CanadianEducations, a.CanadianEducation) {
		return Profile{}, allowed("canadian_education", a.CanadianEducation, CanadianEducations)
	}
	p := Profile{Age: a.Age, Partner: partner, Education: edu, CanadianEducation: a.CanadianEducation,
		CanadianYears: a.CanadianWorkYears, ForeignYears: a.ForeignWorkYears, Certificate: a.Certificate,
		Nomination: a.Nomination, Sibling: a.Sibling, JobOffer: a.JobOffer}
	langs := map[string]bool{}
	for i, r := range []*LanguageResult{a.FirstLanguage, a.SecondLanguage} {
		if r == nil {
			continue
		}
		key := []string{"first_language", "second_language"}[i]
		if !slices.Contains(AnswerLanguages, r.Language) {
			return Profile{}, allowed(key+".language", r.Language, AnswerLanguages)
		}
		if langs[r.Language] {
			return Profile{}, fmt.Errorf("%s: %s is given twice", key, r.Language)
		}
		langs[r.Language] = true
		l, err := g.levels(key, *r)
		if err != nil {
			return Profile{}, err
		}
		if r.Language == "english" {
			p.English = l
		} else {
			p.French = l
		}
		if i == 0 {
			p.FirstLanguage = r.Language
		}
	}
	if s := a.Spouse; s != nil {
		se, ok := answerEducation[s.Education]
		if !ok {
			return Profile{}, allowed("spouse.education", s.Education, AnswerEducations)
		}
		p.PartnerEducation, p.PartnerCanadianYrs = se, s.CanadianWorkYears
		if s.FirstLanguage != nil {
			l, err := g.levels("spouse.first_language", *s.FirstLanguage)
			if err != nil {
				return Profile{}, err
			}
			p.PartnerLanguage = l
		}
	}
	if err := p.Check(); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// levels turns a language result into CLB/NCLC levels.
func (g *Grid) levels(key string, r LanguageResult) (Language, error) {
	switch r.Test {
	case "clb", "":
		l := Language{Reading: int(r.Reading), Writing: int(r.Writing), Listening: int(r.Listening), Speaking: int(r.Speaking)}
		for _, v := range []float64{r.Reading, r.Writing, r.Listening, r.Speaking} {
			if v != float64(int(v)) || v < 0 || v > 12 {
				return Language{}, fmt.Errorf("%s: %v is not a CLB/NCLC level from 0 to 12", key, v)
			}
		}
		return l, nil
	case "celpip", "ielts":
		if r.Language != "english" {
			return Language{}, fmt.Errorf("%s: %s is an English test", key, r.Test)
		}
		l, err := g.CLB(r.Scores)
		if err != nil {
			return Language{}, fmt.Errorf("%s: %v", key, err)
		}
		return l, nil
	case "pte-core", "tef", "tcf":
		return Language{}, fmt.Errorf("%s: %s results are not converted here yet; give your CLB/NCLC levels with test: clb (IRCC's equivalency charts convert them)", key, r.Test)
	}
	return Language{}, fmt.Errorf("%s.test: unknown value %q; allowed values: %v", key, guides.Shorten(r.Test, 40), AnswerTests)
}
