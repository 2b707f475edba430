package tui

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/guides/search"
	"pathways/tui/render"
)

// Search is the all-guides search pane: a query and ranked results.
type Search struct {
	ctx     *Context
	input   textinput.Model
	results []search.Result
	sel     int
	top     int // first result shown, kept so a click lands where it points
	seq     int // of the latest query sent; older results are dropped
	query   string
}

// searchResultsMsg carries the results of one query back to Update.
type searchResultsMsg struct {
	seq     int
	query   string
	results []search.Result
}

// searchLimit bounds the results shown.
const searchLimit = 50

func newSearch(ctx *Context) Search {
	in := textinput.New()
	in.Prompt = "Search: "
	in.Placeholder = "lmia, spousal open, pgwp language, crs points…"
	in.CharLimit = 200
	in.SetStyles(ctx.Styles.Input)
	in.SetVirtualCursor(false) // the terminal's own cursor: no blink timers
	return Search{ctx: ctx, input: in}
}

// restyle applies the context's styles to the input.
func (s *Search) restyle() { s.input.SetStyles(s.ctx.Styles.Input) }

// blur stops typing into the input.
func (s *Search) blur() { s.input.Blur() }

// focus shows the pane with the input ready for typing.
func (s *Search) focus() tea.Cmd {
	s.resized()
	s.input.CursorEnd()
	return s.input.Focus()
}

// resized fits the input to the terminal's width.
func (s *Search) resized() {
	s.input.SetWidth(max(1, s.ctx.Width-len(s.input.Prompt)-3))
}

// cursor is where the terminal cursor goes: in the query, after the margin.
func (s *Search) cursor() *tea.Cursor {
	c := s.input.Cursor()
	if c != nil {
		c.X++
	}
	return c
}

// searchCmd runs a query off the UI goroutine.
func searchCmd(ix *search.Progressive, query string, seq int) tea.Cmd {
	return func() tea.Msg {
		return searchResultsMsg{seq: seq, query: query, results: ix.Search(query, searchLimit)}
	}
}

// rerun searches for the current query (once the index is ready).
func (s *Search) rerun() tea.Cmd {
	q := s.input.Value()
	s.seq++
	if strings.TrimSpace(q) == "" {
		s.results, s.query = nil, q
		return nil
	}
	if s.ctx.Index == nil {
		return nil // indexedMsg runs it again
	}
	return searchCmd(s.ctx.Index, q, s.seq)
}

// Update edits the query and moves through results; enter opens one, and
// so does a click on the selected one (a click elsewhere selects).
func (s Search) Update(msg tea.Msg) (Search, tea.Cmd) {
	s, cmd := s.update(msg)
	s.top = s.visibleTop()
	return s, cmd
}

// rows is how many results fit.
func (s *Search) rows() int { return max(1, (s.ctx.Height-3)/itemHeight) }

// visibleTop is the first result shown: the last one shown, moved the
// least that keeps the selection in view.
func (s *Search) visibleTop() int {
	rows := s.rows()
	top := min(s.top, s.sel)
	if s.sel >= top+rows {
		top = s.sel - rows + 1
	}
	return max(0, min(top, len(s.results)-rows))
}

func (s Search) update(msg tea.Msg) (Search, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		// Results start below the query and its rule, when there are any.
		i := s.top + (msg.Y-2)/itemHeight
		if msg.Button != tea.MouseLeft || msg.Y < 2 || msg.Y >= s.ctx.Height-1 || s.ctx.Index == nil ||
			strings.TrimSpace(s.input.Value()) == "" || i >= len(s.results) {
			return s, nil
		}
		if i == s.sel {
			r := s.results[i]
			return s, func() tea.Msg { return openGuideMsg{slug: r.Guide.Slug, anchor: r.Anchor} }
		}
		s.sel = i
		return s, nil
	case searchResultsMsg:
		if msg.seq == s.seq {
			s.results, s.query = msg.results, msg.query
			s.sel = min(s.sel, max(0, len(s.results)-1))
		}
		return s, nil
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.sel = max(0, s.sel-1)
		case tea.MouseWheelDown:
			s.sel = max(0, min(len(s.results)-1, s.sel+1))
		}
		return s, nil
	case tea.PasteMsg:
		var cmd tea.Cmd
		before := s.input.Value()
		s.input, cmd = s.input.Update(tea.PasteMsg{Content: pasteText(msg.Content)})
		if s.input.Value() != before {
			s.sel = 0
			return s, tea.Batch(cmd, s.rerun())
		}
		return s, cmd
	case tea.KeyPressMsg:
		k := s.ctx.Keys
		switch {
		case key.Matches(msg, k.ResultDown):
			s.sel = max(0, min(len(s.results)-1, s.sel+1))
			return s, nil
		case key.Matches(msg, k.ResultUp):
			s.sel = max(0, s.sel-1)
			return s, nil
		case key.Matches(msg, k.Accept):
			if s.sel < len(s.results) {
				r := s.results[s.sel]
				return s, func() tea.Msg { return openGuideMsg{slug: r.Guide.Slug, anchor: r.Anchor, find: s.query} }
			}
			return s, nil
		}
		var cmd tea.Cmd
		before := s.input.Value()
		s.input, cmd = s.input.Update(msg)
		if s.input.Value() != before {
			s.sel = 0
			return s, tea.Batch(cmd, s.rerun())
		}
		return s, cmd
	}
	return s, nil
}

// View draws the input and the results, the selected one marked.
func (s Search) View() string {
	st, w := s.ctx.Styles, s.ctx.Width
	lines := []string{" " + s.input.View(), st.Rule.Render(strings.Repeat("─", w))}
	switch {
	case s.ctx.Index == nil:
		lines = append(lines, "", "  "+st.Dim.Render(fmt.Sprintf("Indexing %s guides; results appear in a moment.", guides.Thousands(len(s.ctx.Lib.Guides())))))
	case strings.TrimSpace(s.input.Value()) == "":
		lines = append(lines, "", "  "+st.Dim.Render("Type to search titles, tags, headings and text of every guide."))
	case len(s.results) == 0 && s.query == s.input.Value():
		lines = append(lines, "", "  "+st.Dim.Render(fmt.Sprintf("No guide matches %q.", guides.SanitizeLine(s.query))))
	}
	if s.ctx.Index != nil && !s.ctx.Index.Complete() && strings.TrimSpace(s.input.Value()) != "" {
		done, total := s.ctx.Index.Indexed()
		lines = append(lines, "  "+st.Dim.Render(fmt.Sprintf("Searching %s of %s guides in full (titles and summaries of all)…", guides.Thousands(done), guides.Thousands(total))))
	}
	rows, top := s.rows(), s.visibleTop()
	for i := top; i < len(s.results) && i < top+rows; i++ {
		r := s.results[i]
		where := r.Guide.Title
		if r.Heading != "" {
			where += " › " + r.Heading
		}
		snippet := s.snippet(r, w-6)
		if i == s.sel {
			lines = append(lines, " "+st.Selected.Render("▌ "+ansi.Truncate(where, w-4, "…")), " "+st.Selected.Render("▌ ")+snippet, "")
		} else {
			lines = append(lines, "   "+st.Title.Render(ansi.Truncate(where, w-4, "…")), "   "+snippet, "")
		}
	}
	for len(lines) < s.ctx.Height-1 {
		lines = append(lines, "")
	}
	lines = lines[:s.ctx.Height-1]
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], w, "…")
	}
	pos := ""
	if n := len(s.results); n > 0 {
		pos = st.Dim.Render(fmt.Sprintf(" %d/%d ", s.sel+1, n))
	}
	hs, keep := s.shortHelp()
	footer := pos + " " + hints(s.ctx, w-1-ansi.StringWidth(pos), hs, keep)
	return strings.Join(append(lines, ansi.Truncate(footer, w, "")), "\n")
}

// snippet is the matched text with the matched characters highlighted; a
// title match shows the summary instead of repeating the title.
func (s *Search) snippet(r search.Result, width int) string {
	if r.Field == search.FieldTitle {
		return s.ctx.Styles.Dim.Render(ansi.Truncate(r.Guide.Summary, width, "…"))
	}
	text, matches := r.Snippet(max(10, width))
	if r.Field == search.FieldTag {
		text, matches = "tag: "+text, shift(matches, len("tag: "))
	}
	set := make(map[int]bool, len(matches))
	for _, m := range matches {
		set[m] = true
	}
	// Style runs of matched and unmatched characters, not each character.
	var b strings.Builder
	st := s.ctx.Styles
	start, inMatch := 0, false
	flush := func(end int) {
		if end > start {
			if inMatch {
				b.WriteString(st.Match.Render(text[start:end]))
			} else {
				b.WriteString(st.Dim.Render(text[start:end]))
			}
		}
		start = end
	}
	for i := range text {
		if set[i] != inMatch {
			flush(i)
			inMatch = set[i]
		}
	}
	flush(len(text))
	return ansi.Truncate(b.String(), width, "…")
}

// shortHelp is the footer's hints, and the keys it always shows: the box
// takes ? and q as text, so esc and ctrl+c are the ways out.
func (s *Search) shortHelp() (hs, keep []key.Binding) {
	k := s.ctx.Keys
	has := len(s.results) > 0
	return []key.Binding{enabled(k.ResultDown, has), enabled(k.ResultUp, has), enabled(k.Accept, has)},
		[]key.Binding{k.Cancel, k.ForceQuit}
}

func (s *Search) fullHelp() [][]key.Binding {
	k := s.ctx.Keys
	return [][]key.Binding{{k.ResultDown, k.ResultUp, k.Accept, k.Cancel, k.ForceQuit}}
}

func shift(ms []int, n int) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m + n
	}
	return out
}

// maxPaste bounds what one paste adds to a query, in runes.
const maxPaste = 200

// pasteText is pasted text as one line of a query: line breaks and tabs
// become spaces, other control characters go, and it is cut at maxPaste
// runes.
func pasteText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxPaste {
			break
		}
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case unicode.IsControl(r) || render.Unsafe(string(r), false) != "":
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
