package tui

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"pathways/assets"
	"pathways/guides/finder"
	"pathways/tui/render"
)

// skipLabel is the first option of every pick list: leave it unanswered.
const skipLabel = "Not sure / skip"

// finderValues holds the form's text values, one per question; the huh
// fields write into them as the reader answers. "" means not answered.
type finderValues map[finder.Key]*string

func newFinderValues(a finder.Answers) finderValues {
	text := a.Text()
	vals := finderValues{}
	for _, q := range finder.Questions() {
		s := text[q.Key]
		vals[q.Key] = &s
	}
	return vals
}

// answers reads the values through the same checks as an answers file.
// Questions that no longer apply (the partner's permit once the partner is
// a student, say) are dropped, so a changed answer leaves nothing stale.
func (v finderValues) answers() (finder.Answers, error) {
	text := map[finder.Key]string{}
	for k, s := range v {
		text[k] = *s
	}
	a, err := finder.AnswersFromText(text)
	if err != nil {
		return a, err
	}
	shown := maps.Clone(text)
	for _, q := range finder.Questions() {
		if !q.Shown(a) {
			delete(shown, q.Key)
		}
	}
	return finder.AnswersFromText(shown)
}

// finderForm builds the finder's questions as a huh form over vals, one
// question a page, skipping those that do not apply. styles returns the
// app's styles and the name they were built for; it is read at render
// time, so the form follows the app when the background changes.
func finderForm(vals finderValues, styles func() (string, Styles), showHelp bool) *huh.Form {
	qs := finder.Questions()
	groups := make([]*huh.Group, 0, len(qs))
	for _, q := range qs {
		groups = append(groups, huh.NewGroup(finderField(q, vals[q.Key])).WithHideFunc(func() bool {
			a, _ := vals.answers()
			return !q.Shown(a)
		}))
	}
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false) // "/" would filter; the lists are short
	return huh.NewForm(groups...).
		WithKeyMap(km).
		WithTheme(finderTheme(styles)).
		WithShowHelp(showHelp).
		WithShowErrors(true)
}

// finderField is the huh field for one question: a pick list, or a number
// typed in; every one can be skipped.
func finderField(q finder.Question, value *string) huh.Field {
	if q.Kind == finder.KindNumber && len(q.Choices) == 0 {
		help := q.Help
		if help != "" {
			help += " "
		}
		return huh.NewInput().
			Key(string(q.Key)).
			Title(q.Title).
			Description(help + "Leave it blank if you are not sure.").
			Placeholder("blank to skip").
			CharLimit(4).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				_, err := q.ParseText(s)
				return err
			}).
			Value(value)
	}
	return huh.NewSelect[string]().
		Key(string(q.Key)).
		Title(q.Title).
		Description(q.Help).
		Options(finderOptions(q)...).
		Value(value)
}

// finderOptions are a pick list's choices, "not sure" first.
func finderOptions(q finder.Question) []huh.Option[string] {
	options := []huh.Option[string]{huh.NewOption(skipLabel, "")}
	switch {
	case q.Kind == finder.KindYesNo:
		options = append(options, huh.NewOption("Yes", "yes"), huh.NewOption("No", "no"))
	default:
		for _, c := range q.Choices {
			options = append(options, huh.NewOption(c.Label, c.Value))
		}
	}
	return options
}

// finderTheme styles the form like the rest of the app. huh asks for the
// theme on every render, so it is rebuilt only when the styles' name changes.
func finderTheme(styles func() (string, Styles)) huh.Theme {
	var name string
	var built *huh.Styles
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		n, s := styles()
		if built != nil && n == name {
			return built
		}
		t := huh.ThemeBase(isDark)
		f := &t.Focused
		f.Base = f.Base.BorderForeground(s.Header.GetForeground())
		f.Card = f.Base
		f.Title = s.Header
		f.Description = s.Dim
		f.ErrorIndicator = s.Error.SetString(" *")
		f.ErrorMessage = s.Error
		f.SelectSelector = s.Selected.SetString("› ")
		f.SelectedOption = s.Selected
		f.Option = lipgloss.NewStyle()
		f.UnselectedOption = lipgloss.NewStyle()
		f.NextIndicator = s.Selected.MarginLeft(1).SetString("→")
		f.PrevIndicator = s.Selected.MarginRight(1).SetString("←")
		f.TextInput.Prompt = s.Selected
		f.TextInput.Cursor = s.Selected
		f.TextInput.Placeholder = s.Dim
		t.Blurred = t.Focused
		t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
		t.Blurred.Card = t.Blurred.Base
		t.Group.Title = s.Header
		t.Group.Description = s.Dim
		t.Help = s.Help
		name, built = n, t
		return t
	})
}

// ErrCancelled is returned by AskFinder when the reader cancels the form.
var ErrCancelled = errors.New("cancelled")

// AskFinder asks the finder's questions on the terminal behind in and out
// (the form is drawn on out) and returns the answers. style is as in
// Options. It returns ErrCancelled when the reader presses ctrl+c.
func AskFinder(style string, accessible bool, in io.Reader, out io.Writer) (finder.Answers, error) {
	dark := true
	if !accessible {
		dark = formIsDark(style, in, out)
	}
	st := NewStyles(dark, assets.Plain(style))
	vals := newFinderValues(finder.Answers{})
	form := finderForm(vals, func() (string, Styles) { return style, st }, true).WithInput(in).WithOutput(out).WithAccessible(accessible)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return finder.Answers{}, ErrCancelled
		}
		return finder.Answers{}, fmt.Errorf("the finder's form stopped: %w", err)
	}
	return vals.answers()
}

// formIsDark resolves a style to a dark or light background, asking the
// terminal when the style is auto.
func formIsDark(style string, in io.Reader, out io.Writer) bool {
	if style == "" {
		style = assets.StyleAuto
	}
	return render.Background(style, func() bool {
		fin, okIn := in.(*os.File)
		fout, okOut := out.(*os.File)
		return !okIn || !okOut || lipgloss.HasDarkBackground(fin, fout)
	}) != assets.StyleLight
}
