package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// askList is what the pathway finder and the CRS calculator share:
// questions in a huh form, then a result worked out from the answers and
// shown as lines, some of them entries that enter opens. e goes back to the
// questions, and esc there returns to the result as it was, selection and
// answers included; esc on the result leaves the screen.
type askList[R any] struct {
	ctx    *Context
	keys   askKeyMap
	form   *huh.Form
	result *R  // nil while the questions show
	sel    int // the selected entry
	offset int // first result line shown
	// before is what e left, for esc in the questions to go back to.
	before *askSaved[R]
	// leave is the message that takes the root back where it came from.
	leave tea.Msg
}

// askSaved is a result on screen and the answers behind it.
type askSaved[R any] struct {
	result      *R
	sel, offset int
	restore     func() // puts the answers back
}

// asker is what a screen built on askList provides.
type asker[R any] interface {
	// newForm builds the questions over the screen's answers.
	newForm() *huh.Form
	// saveAnswers copies the answers; calling what it returns puts them back.
	saveAnswers() func()
	// work computes the result of the answers.
	work() *R
	// resultLines lays out the result: its lines, and those each entry takes.
	resultLines() ([]string, []lineSpan)
	// pick opens entry i.
	pick(i int) tea.Cmd
	// progress is a line above the questions ("Question 3 of 11"), or "".
	progress() string
	// options are the choices of the focused question when it is a pick
	// list, for a click to find the one under the pointer; nil otherwise.
	options() []huh.Option[string]
}

// askKeyMap is the keys of the question-then-result screens; moving and
// opening use the app's Up, Down and Open bindings.
type askKeyMap struct {
	Edit  key.Binding
	Close key.Binding
}

func defaultAskKeyMap() askKeyMap {
	return askKeyMap{
		Edit:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "change answers")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// Layout: a two-line header and a gap above the body, a one-line footer.
const (
	askHeader = 3
	askFooter = 1
)

func newAskList[R any](ctx *Context, leave tea.Msg) askList[R] {
	return askList[R]{ctx: ctx, keys: defaultAskKeyMap(), leave: leave}
}

// bodyHeight is the rows between the header and the footer.
func (a *askList[R]) bodyHeight() int { return max(1, a.ctx.Height-askHeader-askFooter) }

// typing reports whether keys belong to the form (so q and ? are answers,
// not app keys).
func (a *askList[R]) typing() bool { return a.result == nil }

// start shows the last result if there is one, otherwise the questions
// from the first, keeping any answers already given. The form is built
// here, not with the screen: building it takes tens of milliseconds, which
// start-up should not pay.
func (a *askList[R]) start(s asker[R]) tea.Cmd {
	if a.result != nil {
		return nil
	}
	a.form = s.newForm()
	a.fit(s)
	return a.form.Init()
}

// fit sizes the form to the terminal, up to the height left once two lines
// are kept for an error under the question (and one for the progress), and
// keeps the selected entry in view.
func (a *askList[R]) fit(s asker[R]) {
	if a.form == nil {
		return
	}
	a.form.Update(tea.WindowSizeMsg{Width: max(20, a.ctx.Width-2), Height: max(3, a.bodyHeight()-3)})
	a.scrollToSel(s)
}

// update runs the form, then moves through the result.
func (a *askList[R]) update(s asker[R], msg tea.Msg) tea.Cmd {
	if _, ok := msg.(cursor.BlinkMsg); ok {
		return nil // a steady cursor: no blink timers, as elsewhere in the app
	}
	if a.result == nil {
		return a.updateForm(s, msg)
	}
	return a.updateResult(s, msg)
}

func (a *askList[R]) updateForm(s asker[R], msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, a.keys.Close) {
			return a.leaveForm()
		}
	case tea.MouseClickMsg:
		return a.clickOption(s, msg)
	}
	return a.formUpdate(s, msg)
}

// formUpdate hands a message to the form and acts on how it ends.
func (a *askList[R]) formUpdate(s asker[R], msg tea.Msg) tea.Cmd {
	m, cmd := a.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		a.form = form
	}
	switch a.form.State {
	case huh.StateCompleted:
		a.before = nil
		a.result, a.sel, a.offset = s.work(), 0, 0
		return nil
	case huh.StateAborted:
		return a.leaveForm()
	}
	return cmd
}

// clickOption is a click in the questions: on a choice of a pick list it
// moves there, and on the choice already there it picks it, as enter does.
func (a *askList[R]) clickOption(s asker[R], msg tea.MouseClickMsg) tea.Cmd {
	field, ok := a.form.GetFocusedField().(*huh.Select[string])
	opts := s.options()
	if !ok || msg.Button != tea.MouseLeft || len(opts) == 0 {
		return nil
	}
	y := msg.Y - askHeader
	if s.progress() != "" {
		y--
	}
	lines := strings.Split(ansi.Strip(a.form.View()), "\n")
	if y < 0 || y >= len(lines) {
		return nil
	}
	text := strings.TrimRight(strings.TrimSpace(strings.TrimLeft(lines[y], " ┃│›")), "…")
	at, cur := -1, -1
	hovered, _ := field.Hovered()
	for i, o := range opts {
		if text != "" && (o.Key == text || at < 0 && strings.HasPrefix(o.Key, text)) {
			at = i
		}
		if o.Value == hovered {
			cur = i
		}
	}
	if at < 0 || cur < 0 {
		return nil
	}
	if at == cur {
		return a.formUpdate(s, tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	step := tea.KeyPressMsg{Code: tea.KeyDown}
	if at < cur {
		step = tea.KeyPressMsg{Code: tea.KeyUp}
	}
	var cmds []tea.Cmd
	for range max(at-cur, cur-at) {
		cmds = append(cmds, a.formUpdate(s, step))
	}
	return tea.Batch(cmds...)
}

// leaveForm is esc in the questions: back to the result they were opened
// from, if any, else out of the screen.
func (a *askList[R]) leaveForm() tea.Cmd {
	b := a.before
	if b == nil {
		leave := a.leave
		return func() tea.Msg { return leave }
	}
	b.restore()
	a.result, a.sel, a.offset, a.before = b.result, b.sel, b.offset, nil
	return nil
}

func (a *askList[R]) updateResult(s asker[R], msg tea.Msg) tea.Cmd {
	_, spans := s.resultLines()
	n := len(spans)
	move := func(d int) {
		a.sel = max(0, min(n-1, a.sel+d))
		a.scrollToSel(s)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := a.ctx.Keys
		switch {
		case key.Matches(msg, a.keys.Close):
			leave := a.leave
			return func() tea.Msg { return leave }
		case key.Matches(msg, a.keys.Edit):
			a.before = &askSaved[R]{result: a.result, sel: a.sel, offset: a.offset, restore: s.saveAnswers()}
			a.result = nil
			return a.start(s)
		case key.Matches(msg, k.Down):
			move(1)
		case key.Matches(msg, k.Up):
			move(-1)
		case key.Matches(msg, k.Top):
			move(-n)
		case key.Matches(msg, k.Bottom):
			move(n)
		case key.Matches(msg, k.Open):
			if a.sel < n {
				return s.pick(a.sel)
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			move(-1)
		case tea.MouseWheelDown:
			move(1)
		}
	case tea.MouseClickMsg:
		// A click selects the entry under the pointer; on the selected
		// one it opens it, as enter does.
		if msg.Button != tea.MouseLeft || msg.Y < askHeader || msg.Y >= askHeader+a.bodyHeight() {
			return nil
		}
		line := a.offset + msg.Y - askHeader
		for i, sp := range spans {
			if line >= sp.from && line < sp.to {
				if i == a.sel {
					return s.pick(i)
				}
				a.sel = i
			}
		}
	}
	return nil
}

// scrollToSel keeps the selected entry in view; the first shows the top,
// the last shows what follows it (notes, answers that would sharpen it).
func (a *askList[R]) scrollToSel(s asker[R]) {
	if a.result == nil {
		return
	}
	lines, spans := s.resultLines()
	if a.sel >= len(spans) {
		return
	}
	sp, h := spans[a.sel], a.bodyHeight()
	switch {
	case a.sel == 0:
		a.offset = 0
	case a.sel == len(spans)-1:
		a.offset = min(sp.from, max(0, len(lines)-h))
	case sp.from < a.offset:
		a.offset = sp.from
	case sp.to > a.offset+h:
		a.offset = min(sp.from, sp.to-h)
	}
}

// lineSpan is the lines [from, to) one entry takes.
type lineSpan struct{ from, to int }

// view draws the header (a title and a note on what the screen is), the
// form or the result, and the footer with the selected entry's position.
func (a *askList[R]) view(s asker[R], title, note string, extra ...key.Binding) string {
	st, w := a.ctx.Styles, a.ctx.Width
	title, note = st.Header.Render(title), st.Dim.Render(note)
	gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(note)-2)
	out := []string{ansi.Truncate(" "+title+strings.Repeat(" ", gap)+note, w, ""), st.Rule.Render(strings.Repeat("─", max(0, w))), ""}

	var body []string
	pos := ""
	if a.result == nil {
		if p := s.progress(); p != "" {
			body = append(body, " "+st.Dim.Render(p))
		}
		for _, l := range strings.Split(a.form.View(), "\n") {
			body = append(body, " "+l)
		}
	} else {
		lines, spans := s.resultLines()
		body = lines[min(a.offset, len(lines)):]
		if n := len(spans); n > 0 {
			pos = st.Dim.Render(fmt.Sprintf(" %d/%d ", min(a.sel+1, n), n))
		}
	}
	for i := range a.bodyHeight() {
		line := ""
		if i < len(body) {
			line = ansi.Truncate(body[i], w, "…")
		}
		out = append(out, line)
	}
	hs, keep := a.shortHelp(s, extra...)
	footer := pos + " " + hints(a.ctx, w-1-ansi.StringWidth(pos), hs, keep)
	return strings.Join(append(out, ansi.Truncate(footer, w, "")), "\n")
}

// shortHelp is the footer's hints, most useful first, and the keys it
// always shows: in the form, how to leave it; on the result, help and quit.
// extra are the screen's own keys on the result.
func (a *askList[R]) shortHelp(s asker[R], extra ...key.Binding) (hs, keep []key.Binding) {
	if a.result == nil {
		return a.form.KeyBinds(), []key.Binding{a.keys.Close}
	}
	k := a.ctx.Keys
	_, spans := s.resultLines()
	has := len(spans) > 0
	hs = append([]key.Binding{enabled(k.Open, has), enabled(k.Down, has), enabled(k.Up, has), a.keys.Edit}, extra...)
	return hs, []key.Binding{a.keys.Close, k.Help, k.Quit}
}

// fullHelp groups the screen's keys for the help screen.
func (a *askList[R]) fullHelp(extra ...key.Binding) [][]key.Binding {
	k := a.ctx.Keys
	if a.result == nil {
		return [][]key.Binding{append(a.form.KeyBinds(), a.keys.Close, k.ForceQuit)}
	}
	act := append(append([]key.Binding{k.Open, a.keys.Edit}, extra...), a.keys.Close, k.Help, k.Quit, k.ForceQuit)
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, act}
}
