package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides/finder"
)

// finderDoneMsg asks the root to leave the finder for where the reader was.
type finderDoneMsg struct{}

// Finder is the pathway finder: a few questions (a huh form), then the
// guides that apply, ranked, each opening at the section that matters.
type Finder struct {
	askList[finder.Result]
	vals finderValues
	err  error // answers the rules could not read (should not happen)

	now func() time.Time // tests pin the date
}

// newFinder makes the finder screen; the form is built when it opens.
func newFinder(ctx *Context) Finder {
	return Finder{askList: newAskList[finder.Result](ctx, finderDoneMsg{}), vals: newFinderValues(finder.Answers{}), now: ctx.Now}
}

func (f *Finder) newForm() *huh.Form {
	ctx := f.ctx
	return finderForm(f.vals, func() (string, Styles) { return ctx.Style, ctx.Styles }, false)
}

// open shows the finder: the last result if there is one, otherwise the
// questions from the first, keeping any answers already given.
func (f *Finder) open() tea.Cmd { return f.start(f) }

// resized fits the finder to the terminal; the root calls it on a new size.
func (f *Finder) resized() { f.fit(f) }

// Answers returns the answers given so far.
func (f *Finder) Answers() (finder.Answers, error) { return f.vals.answers() }

// Update runs the form, then moves through the results; enter opens a
// guide at its section, esc leaves.
func (f Finder) Update(msg tea.Msg) (Finder, tea.Cmd) {
	cmd := f.update(&f, msg)
	return f, cmd
}

func (f *Finder) saveAnswers() func() {
	saved := map[finder.Key]string{}
	for k, v := range f.vals {
		saved[k] = *v
	}
	vals := f.vals
	return func() {
		for k, v := range saved {
			*vals[k] = v
		}
	}
}

// work runs the rules over the answers.
func (f *Finder) work() *finder.Result {
	a, err := f.vals.answers()
	res := finder.Find(f.ctx.Lib, a, f.now())
	f.err = err
	return &res
}

// progress is where the questions are: the focused one among those that
// apply to the answers so far.
func (f *Finder) progress() string {
	field := f.form.GetFocusedField()
	if field == nil {
		return ""
	}
	a, _ := f.vals.answers()
	at, n := 0, 0
	for _, q := range finder.Questions() {
		if q.Shown(a) {
			n++
			if string(q.Key) == field.GetKey() {
				at = n
			}
		}
	}
	if at == 0 {
		return ""
	}
	return fmt.Sprintf("Question %d of %d", at, n)
}

func (f *Finder) options() []huh.Option[string] {
	field := f.form.GetFocusedField()
	for _, q := range finder.Questions() {
		if field != nil && string(q.Key) == field.GetKey() && (q.Kind != finder.KindNumber || len(q.Choices) > 0) {
			return finderOptions(q)
		}
	}
	return nil
}

func (f *Finder) pick(i int) tea.Cmd {
	m := f.entries()[i]
	return func() tea.Msg { return openGuideMsg{slug: m.Guide.Slug, anchor: m.Anchor} }
}

// entries are the selectable results: the matches, then the ruled-out
// guides, whose sections explain the rule.
func (f *Finder) entries() []finder.Match {
	if f.result == nil {
		return nil
	}
	return append(append([]finder.Match{}, f.result.Matches...), f.result.RuledOut...)
}

// resultLines lays out the result: sections by tier, each result as a
// title line and its wrapped reason and what would change it, then what
// would sharpen it and the orientation note.
func (f *Finder) resultLines() ([]string, []lineSpan) {
	st, w := f.ctx.Styles, f.ctx.Width
	textW := max(10, w-4)
	var lines []string
	var spans []lineSpan
	wrap := func(s string) []string { return strings.Split(ansi.Wordwrap(s, textW, ""), "\n") }
	if f.err != nil {
		for _, l := range wrap("Some answers could not be read: " + f.err.Error()) {
			lines = append(lines, "  "+st.Error.Render(l))
		}
		lines = append(lines, "")
	}
	if len(f.entries()) == 0 {
		lines = append(lines, "  "+st.Dim.Render("No guide fits these answers yet; e changes them."), "")
	}
	tier := finder.Tier(-1)
	for i, m := range f.entries() {
		if m.Tier != tier {
			tier = m.Tier
			lines = append(lines, " "+st.Title.Render(tier.Title()))
		}
		from := len(lines)
		where := m.Guide.Title
		if m.Heading != "" {
			where += " › " + m.Heading
		}
		mark, title, text := "   ", st.Title, st.Dim
		if i == f.sel {
			mark, title, text = " "+st.Selected.Render("▌ "), st.Selected, st.SelectedDim
		}
		lines = append(lines, mark+title.Render(ansi.Truncate(where, textW, "…")))
		for _, l := range wrap(m.Reason) {
			lines = append(lines, mark+l)
		}
		for _, l := range wrap("What would change this: " + m.Changes) {
			lines = append(lines, mark+text.Render(l))
		}
		spans = append(spans, lineSpan{from, len(lines)})
		lines = append(lines, "")
	}
	if len(f.result.Sharpen) > 0 {
		var ks []string
		for _, s := range f.result.Sharpen {
			ks = append(ks, s.Why)
		}
		lines = append(lines, " "+st.Title.Render("Answers that would sharpen this"))
		for _, k := range ks {
			for j, l := range wrap(k) {
				prefix := " • "
				if j > 0 {
					prefix = "   "
				}
				lines = append(lines, " "+prefix+st.Dim.Render(l))
			}
		}
		lines = append(lines, "")
	}
	for _, l := range wrap(f.result.Note) {
		lines = append(lines, "  "+st.Dim.Render(l))
	}
	return lines, spans
}

// View draws the form or the result under the finder's header.
func (f Finder) View() string {
	return f.view(&f, "Pathway finder", "orientation, not an eligibility decision", f.ctx.Keys.CRS)
}

// fullHelp groups the finder's keys for the help screen.
func (f *Finder) fullHelp() [][]key.Binding { return f.askList.fullHelp(f.ctx.Keys.CRS) }
