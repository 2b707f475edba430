package tui

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"pathways/assets"
	"pathways/guides/crs"
)

// crsValues holds the CRS form's answers as text, as huh edits them.
type crsValues struct {
	age, partner, education, canadianEducation, firstLanguage string
	english, french, partnerLanguage                          [4]string
	canadianYears, foreignYears, partnerEducation             string
	partnerCanadianYears                                      string
	certificate, sibling, nomination, jobOffer                bool
}

var abilityNames = [4]string{"reading", "writing", "listening", "speaking"}

// newCRSValues starts every pick list on its first choice, as the form shows.
func newCRSValues() *crsValues {
	none := [4]string{"0", "0", "0", "0"}
	return &crsValues{partner: "none", education: "none", canadianEducation: "none", firstLanguage: "english",
		english: none, french: none, partnerLanguage: none, partnerEducation: "none"}
}

// untestedLabel names language level 0 in the calculator as the finder's
// language question does, so both screens say the same.
const untestedLabel = "Not tested yet"

// levelOptions are CLB or NCLC levels 0 (not tested) to 12.
func levelOptions() []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption(untestedLabel, "0")}
	for l := 1; l <= 12; l++ {
		opts = append(opts, huh.NewOption(strconv.Itoa(l), strconv.Itoa(l)))
	}
	return opts
}

func choiceOptions(values []string, labels map[string]string) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, v := range values {
		label := labels[v]
		if label == "" {
			label = v
		}
		opts = append(opts, huh.NewOption(label, v))
	}
	return opts
}

var educationLabels = map[string]string{
	"none": "Less than secondary school", "secondary": "Secondary school (high school)",
	"one-year": "One-year post-secondary program", "two-year": "Two-year post-secondary program",
	"bachelor":    "Bachelor's degree, or a program of three years or more",
	"two-or-more": "Two or more credentials, one of three years or more",
	"master":      "Master's, or a professional degree for a licensed occupation", "doctoral": "Doctoral degree (PhD)",
}

// number validates a whole number from 0 to maxVal; blank counts as 0.
func number(maxVal int) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 || n > maxVal {
			return fmt.Errorf("a whole number from 0 to %d", maxVal)
		}
		return nil
	}
}

// crsForm is the calculator's questions; the partner's come only for an
// accompanying partner.
func crsForm(v *crsValues, styles func() (string, Styles)) *huh.Form {
	language := func(title string, vals *[4]string) *huh.Group {
		var fields []huh.Field
		for i, name := range abilityNames {
			fields = append(fields, huh.NewSelect[string]().Title(title+": "+name).Options(levelOptions()...).Value(&vals[i]))
		}
		return huh.NewGroup(fields...)
	}
	partnerComing := func() bool { return v.partner != "coming" }
	groups := []*huh.Group{
		huh.NewGroup(
			huh.NewInput().Title("Your age, in years").CharLimit(3).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("your age decides up to 110 points")
				}
				return number(120)(s)
			}).Value(&v.age),
			huh.NewSelect[string]().Title("Your spouse or common-law partner").Options(choiceOptions(crs.Partners, map[string]string{
				"none": "No spouse or partner", "coming": "Coming to Canada with you, not a citizen or PR",
				"citizen-or-pr": "A Canadian citizen or permanent resident", "not-coming": "Not coming to Canada with you",
			})...).Value(&v.partner),
		),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Your highest level of education").Description("Foreign credentials count with an educational credential assessment.").
				Options(choiceOptions(crs.Educations, educationLabels)...).Value(&v.education),
			huh.NewSelect[string]().Title("Post-secondary education in Canada").Options(choiceOptions(crs.CanadianEducations, map[string]string{
				"none": "None", "one-or-two-year": "A credential of one or two years", "three-year-or-more": "Three years or more, or a master's, professional or doctoral degree",
			})...).Value(&v.canadianEducation),
		),
		huh.NewGroup(huh.NewSelect[string]().Title("Which official language is your first?").
			Options(huh.NewOption("English", "english"), huh.NewOption("French", "french")).Value(&v.firstLanguage)),
		language("English (CLB)", &v.english),
		language("French (NCLC)", &v.french),
		huh.NewGroup(
			huh.NewInput().Title("Years of skilled work in Canada (TEER 0 to 3), last 10 years").Placeholder("0").CharLimit(2).Validate(number(50)).Value(&v.canadianYears),
			huh.NewInput().Title("Years of skilled work outside Canada, last 10 years").Placeholder("0").CharLimit(2).Validate(number(50)).Value(&v.foreignYears),
			huh.NewConfirm().Title("A Canadian certificate of qualification in a trade?").Value(&v.certificate),
		),
		huh.NewGroup(
			huh.NewConfirm().Title("A provincial or territorial nomination?").Value(&v.nomination),
			huh.NewConfirm().Title("A brother or sister in Canada, 18 or older, a citizen or PR?").Value(&v.sibling),
			huh.NewConfirm().Title("A job offer?").Description("Asked so the result can say it gives no points since March 25, 2025.").Value(&v.jobOffer),
		),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Your spouse's or partner's highest level of education").Options(choiceOptions(crs.Educations, educationLabels)...).Value(&v.partnerEducation),
			huh.NewInput().Title("Your spouse's or partner's years of skilled work in Canada").Placeholder("0").CharLimit(2).Validate(number(50)).Value(&v.partnerCanadianYears),
		).WithHideFunc(partnerComing),
		language("Your spouse's or partner's first official language (CLB/NCLC)", &v.partnerLanguage).WithHideFunc(partnerComing),
	}
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	return huh.NewForm(groups...).WithKeyMap(km).WithTheme(finderTheme(styles)).WithShowHelp(true).WithShowErrors(true)
}

// profile reads the form's answers.
func (v *crsValues) profile() crs.Profile {
	num := func(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }
	lang := func(l [4]string) crs.Language {
		return crs.Language{Reading: num(l[0]), Writing: num(l[1]), Listening: num(l[2]), Speaking: num(l[3])}
	}
	return crs.Profile{
		Age: num(v.age), Partner: v.partner, Education: v.education, CanadianEducation: v.canadianEducation,
		FirstLanguage: v.firstLanguage, English: lang(v.english), French: lang(v.french),
		CanadianYears: num(v.canadianYears), ForeignYears: num(v.foreignYears), Certificate: v.certificate,
		Sibling: v.sibling, Nomination: v.nomination, JobOffer: v.jobOffer,
		PartnerEducation: v.partnerEducation, PartnerLanguage: lang(v.partnerLanguage), PartnerCanadianYrs: num(v.partnerCanadianYears),
	}
}

// AskCRS asks the CRS calculator's questions on the terminal behind in and
// out (or a line at a time in accessible mode) and returns the profile. It
// returns ErrCancelled when the reader presses ctrl+c.
func AskCRS(style string, accessible bool, in io.Reader, out io.Writer) (crs.Profile, error) {
	dark := true
	if !accessible {
		dark = formIsDark(style, in, out)
	}
	st := NewStyles(dark, assets.Plain(style))
	v := newCRSValues()
	form := crsForm(v, func() (string, Styles) { return style, st }).WithInput(in).WithOutput(out).WithAccessible(accessible)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return crs.Profile{}, ErrCancelled
		}
		return crs.Profile{}, fmt.Errorf("the CRS form stopped: %w", err)
	}
	return v.profile(), nil
}
