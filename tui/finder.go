package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/cursor"
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
	ctx  *Context
	keys finderKeyMap
	vals finderValues
	form *huh.Form

	// result is nil while the form is showing.
	result *finder.Result
	err    error // answers the rules could not read (should not happen)
	sel    int   // index into entries()
	offset int   // first result line shown

	// beforeEdit is what e ("change answers") left: esc in the questions
	// goes back to it, answers included, as if e had not been pressed.
	beforeEdit *finderSnapshot

	now func() time.Time // tests pin the date
}

// finderKeyMap is the finder's own keys; moving and opening use the app's
// Up, Down and Open bindings.
type finderKeyMap struct {
	Edit  key.Binding
	Close key.Binding
}

func defaultFinderKeyMap() finderKeyMap {
	return finderKeyMap{
		Edit:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "change answers")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// Layout: a two-line header, a gap, and a one-line footer.
const (
	finderHeader = 3
	finderFooter = 1
)

// newFinder makes the finder screen. The form is built when the finder is
// first opened: building it takes tens of milliseconds, which start-up
// should not pay.
func newFinder(ctx *Context) Finder {
	return Finder{ctx: ctx, keys: defaultFinderKeyMap(), vals: newFinderValues(finder.Answers{}), now: ctx.Now}
}

func (f *Finder) newForm() *huh.Form {
	ctx := f.ctx
	form := finderForm(f.vals, func() (string, Styles) { return ctx.Style, ctx.Styles }, false)
	f.form = form
	f.resized()
	return form
}

// open shows the finder: the last result if there is one, otherwise the
// questions from the first, keeping any answers already given.
func (f *Finder) open() tea.Cmd {
	if f.result != nil {
		return nil
	}
	f.newForm()
	return f.form.Init()
}

// resized fits the form to the terminal; the root calls it on a new size.
// The form sizes its pages to their content, up to the height left once
// two lines are kept for an error under the question.
func (f *Finder) resized() {
	if f.form == nil {
		return
	}
	f.form.Update(tea.WindowSizeMsg{Width: max(20, f.ctx.Width-2), Height: max(3, f.bodyHeight()-2)})
	f.scrollToSel()
}

// typing reports whether keys belong to the form (so q and ? are answers,
// not app keys).
func (f *Finder) typing() bool { return f.result == nil }

// Answers returns the answers given so far.
func (f *Finder) Answers() (finder.Answers, error) { return f.vals.answers() }

// Update runs the form, then moves through the results; enter opens a
// guide at its section, esc leaves.
func (f Finder) Update(msg tea.Msg) (Finder, tea.Cmd) {
	if _, ok := msg.(cursor.BlinkMsg); ok {
		return f, nil // a steady cursor: no blink timers, as elsewhere in the app
	}
	if f.result == nil {
		return f.updateForm(msg)
	}
	return f.updateResults(msg)
}

func done() tea.Msg { return finderDoneMsg{} }

// finderSnapshot is a result on screen and the answers behind it.
type finderSnapshot struct {
	result      *finder.Result
	sel, offset int
	answers     map[finder.Key]string
}

func (f *Finder) snapshot() *finderSnapshot {
	s := &finderSnapshot{result: f.result, sel: f.sel, offset: f.offset, answers: map[finder.Key]string{}}
	for k, v := range f.vals {
		s.answers[k] = *v
	}
	return s
}

// leaveForm is esc in the questions: back to the results they were
// opened from, if any, else out of the finder.
func (f Finder) leaveForm() (Finder, tea.Cmd) {
	s := f.beforeEdit
	if s == nil {
		return f, done
	}
	for k, v := range s.answers {
		*f.vals[k] = v
	}
	f.result, f.sel, f.offset, f.beforeEdit = s.result, s.sel, s.offset, nil
	return f, nil
}

func (f Finder) updateForm(msg tea.Msg) (Finder, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, f.keys.Close) {
		return f.leaveForm()
	}
	m, cmd := f.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		f.form = form
	}
	switch f.form.State {
	case huh.StateCompleted:
		f.beforeEdit = nil
		f.showResult()
		return f, nil
	case huh.StateAborted:
		return f.leaveForm()
	}
	return f, cmd
}

// showResult runs the rules over the answers and shows the result.
func (f *Finder) showResult() {
	a, err := f.vals.answers()
	res := finder.Find(f.ctx.Lib, a, f.now())
	f.result, f.err, f.sel, f.offset = &res, err, 0, 0
}

// entries are the selectable results: the matches, then the ruled-out
// guides, whose sections explain the rule.
func (f *Finder) entries() []finder.Match {
	if f.result == nil {
		return nil
	}
	return append(append([]finder.Match{}, f.result.Matches...), f.result.RuledOut...)
}

func (f Finder) updateResults(msg tea.Msg) (Finder, tea.Cmd) {
	n := len(f.entries())
	move := func(d int) {
		f.sel = max(0, min(n-1, f.sel+d))
		f.scrollToSel()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := f.ctx.Keys
		switch {
		case key.Matches(msg, f.keys.Close):
			return f, done
		case key.Matches(msg, f.keys.Edit):
			f.beforeEdit = f.snapshot()
			f.result = nil
			return f, f.open()
		case key.Matches(msg, k.Down):
			move(1)
		case key.Matches(msg, k.Up):
			move(-1)
		case key.Matches(msg, k.Top):
			move(-n)
		case key.Matches(msg, k.Bottom):
			move(n)
		case key.Matches(msg, k.Open):
			if f.sel < n {
				m := f.entries()[f.sel]
				return f, func() tea.Msg { return openGuideMsg{slug: m.Guide.Slug, anchor: m.Anchor} }
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			move(-1)
		case tea.MouseWheelDown:
			move(1)
		}
	}
	return f, nil
}

// bodyHeight is the rows between the header and the footer.
func (f *Finder) bodyHeight() int { return max(1, f.ctx.Height-finderHeader-finderFooter) }

// scrollToSel keeps the selected result in view; the first shows the top,
// the last shows what follows it (the answers to sharpen, the note).
func (f *Finder) scrollToSel() {
	if f.result == nil {
		return
	}
	lines, spans := f.resultLines()
	if f.sel >= len(spans) {
		return
	}
	s, h := spans[f.sel], f.bodyHeight()
	switch {
	case f.sel == 0:
		f.offset = 0
	case f.sel == len(spans)-1:
		f.offset = min(s.from, max(0, len(lines)-h))
	case s.from < f.offset:
		f.offset = s.from
	case s.to > f.offset+h:
		f.offset = min(s.from, s.to-h)
	}
}

// lineSpan is the lines [from, to) one result takes.
type lineSpan struct{ from, to int }

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
	st, w := f.ctx.Styles, f.ctx.Width
	title := st.Header.Render("Pathway finder")
	note := st.Dim.Render("orientation, not an eligibility decision")
	gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(note)-2)
	head := ansi.Truncate(" "+title+strings.Repeat(" ", gap)+note, w, "")
	out := []string{head, st.Rule.Render(strings.Repeat("─", max(0, w))), ""}

	h := f.bodyHeight()
	var body []string
	if f.result == nil {
		body = strings.Split(f.form.View(), "\n")
		for i := range body {
			body[i] = " " + body[i]
		}
	} else {
		lines, _ := f.resultLines()
		body = lines[min(f.offset, len(lines)):]
	}
	for i := 0; i < h; i++ {
		line := ""
		if i < len(body) {
			line = ansi.Truncate(body[i], w, "")
		}
		out = append(out, line)
	}
	pos := ""
	if f.result != nil {
		pos = st.Dim.Render(fmt.Sprintf(" %d/%d ", min(f.sel+1, len(f.entries())), len(f.entries())))
	}
	hs, keep := f.shortHelp()
	footer := pos + " " + hints(f.ctx, w-1-ansi.StringWidth(pos), hs, keep)
	return strings.Join(append(out, ansi.Truncate(footer, w, "")), "\n")
}

// shortHelp is the footer: the form's keys while asking, then the result's.
// shortHelp is the footer's hints, most useful first, and the keys it
// always shows: in the form, how to leave it; on the results, help and quit.
func (f *Finder) shortHelp() (hs, keep []key.Binding) {
	if f.result == nil {
		return f.form.KeyBinds(), []key.Binding{f.keys.Close}
	}
	k := f.ctx.Keys
	has := len(f.entries()) > 0
	return []key.Binding{enabled(k.Open, has), enabled(k.Down, has), enabled(k.Up, has), f.keys.Edit, k.CRS},
		[]key.Binding{f.keys.Close, k.Help, k.Quit}
}

// fullHelp groups the finder's keys for the help screen.
func (f *Finder) fullHelp() [][]key.Binding {
	if f.result == nil {
		return [][]key.Binding{append(f.form.KeyBinds(), f.keys.Close, f.ctx.Keys.ForceQuit)}
	}
	k := f.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom},
		{k.Open, f.keys.Edit, k.CRS, f.keys.Close, k.Help, k.Quit, k.ForceQuit},
	}
}
