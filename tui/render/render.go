package render

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/assets"
	"pathways/guides"
)

// Rendered is a guide rendered for one width and style, with where its links
// and headings landed on screen.
type Rendered struct {
	Slug  string
	Width int
	Style string
	Lines []string
	// Plain holds Lines without escape codes, for find-in-guide.
	Plain []string
	// Page is the page that was rendered; Links[i].Link indexes Page.Links.
	Page     *guides.Guide
	Links    []LinkSpot
	Headings []HeadingSpot
}

// LinkSpot is where one link's text sits: from (Line, Col) to (EndLine,
// EndCol), columns in cells, end exclusive.
type LinkSpot struct {
	Link                       int
	Line, Col, EndLine, EndCol int
}

// HeadingSpot is the line a heading starts on.
type HeadingSpot struct {
	Heading int // index into Page.Headings
	Line    int
}

// Renderer renders guides with glamour. It is not safe for concurrent use,
// like the glamour renderer it wraps; make one per goroutine.
type Renderer struct {
	lib   *guides.Library
	style string
	width int
	// edge is the column glamour's lines end at: the width less the
	// document's right margin.
	edge int
	tr   *glamour.TermRenderer
	// more are extra glamour renderers, one per further core, for
	// rendering the sections of a long guide at the same time; made on
	// first use, as each costs milliseconds to build.
	more  []*glamour.TermRenderer
	newTR func() (*glamour.TermRenderer, error)
}

// NewRenderer returns a renderer for a resolved style name (dark, light,
// notty, ascii) and a wrap width.
func New(lib *guides.Library, style string, width int) (*Renderer, error) {
	cfg, err := assets.GlamourStyle(style)
	if err != nil {
		return nil, err
	}
	newTR := func() (*glamour.TermRenderer, error) {
		return glamour.NewTermRenderer(
			glamour.WithStyles(cfg),
			glamour.WithWordWrap(width),
			glamour.WithInlineTableLinks(true),
		)
	}
	r := &Renderer{lib: lib, style: style, width: width, edge: width, newTR: newTR}
	if m := cfg.Document.Margin; m != nil {
		r.edge -= int(*m)
	}
	if r.tr, err = newTR(); err != nil {
		return nil, err
	}
	return r, nil
}

// cores is how many sections of a guide are rendered at once.
func cores() int { return min(runtime.GOMAXPROCS(0), 4) }

// renderSections renders markdown with glamour. A long document is cut at
// its level-2 headings into one run of sections per core, rendered at the
// same time, and joined: glamour renders sections independently (a heading
// closes every open block), so the result is the same text, sooner.
func (r *Renderer) renderSections(md string) ([]string, error) {
	md = beforeGlamour(md)
	parts := splitSections(md, cores())
	for len(parts) > 1+len(r.more) {
		tr, err := r.newTR()
		if err != nil {
			return nil, err
		}
		r.more = append(r.more, tr)
	}
	if len(parts) == 1 {
		out, err := r.tr.Render(md)
		if err != nil {
			return nil, err
		}
		return r.afterGlamour(trimBlankEdges(strings.Split(out, "\n"))), nil
	}
	outs := make([]string, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i := range parts {
		tr := r.tr
		if i > 0 {
			tr = r.more[i-1]
		}
		wg.Go(func() { outs[i], errs[i] = tr.Render(parts[i]) })
	}
	wg.Wait()
	var lines []string
	for i, out := range outs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, trimBlankEdges(strings.Split(out, "\n"))...)
	}
	return r.afterGlamour(lines), nil
}

// beforeGlamour marks what glamour must not break (see keepWhole) and the
// list items to hang (see markItems).
func beforeGlamour(md string) string { return markItems(keepWhole(md)) }

// afterGlamour hangs the list items and unglues what beforeGlamour glued.
func (r *Renderer) afterGlamour(lines []string) []string {
	return unglueLines(hangItems(lines, r.edge))
}

// minSplit is the size below which a document is rendered in one piece.
const minSplit = 6000

// splitSections cuts md before headings (level 2 or 3) into at most n
// parts of similar size: each cut is the heading nearest an even share.
// Documents with reference-style link definitions, or fenced code (where
// "## " may not be a heading), stay whole.
func splitSections(md string, n int) []string {
	if n < 2 || len(md) < minSplit || strings.Contains(md, "```") || strings.Contains(md, "~~~") || refDefinition.MatchString(md) {
		return []string{md}
	}
	var cuts []int
	for i := 0; i < len(md); {
		j := strings.Index(md[i:], "\n#")
		if j < 0 {
			break
		}
		at := i + j + 1
		if strings.HasPrefix(md[at:], "## ") || strings.HasPrefix(md[at:], "### ") {
			cuts = append(cuts, at)
		}
		i = at
	}
	var parts []string
	start := 0
	for k := 1; k < n; k++ {
		want := k * len(md) / n
		best := -1
		for _, c := range cuts {
			if c > start && (best < 0 || abs(c-want) < abs(best-want)) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		parts = append(parts, md[start:best])
		start = best
	}
	return append(parts, md[start:])
}

func abs(x int) int { return max(x, -x) }

// refDefinition matches a reference-style link definition ("[x]: /url").
var refDefinition = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)

// Render renders g's page for the browser: links in place, each found on
// screen.
func (r *Renderer) Render(g *guides.Guide) (*Rendered, error) {
	page := r.lib.Page(g)
	md, _ := r.lib.Mark(page, guides.MarkInline)
	return r.layout(page, md)
}

// layout renders md, the marked-up markdown of page, and finds its links
// and headings on the lines.
func (r *Renderer) layout(page *guides.Guide, md string) (*Rendered, error) {
	lines, err := r.markdownLines(page, md)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", page.Slug, err)
	}
	rd := &Rendered{Slug: page.Slug, Width: r.width, Style: r.style, Page: page}
	rd.locate(lines)
	return rd, nil
}

// markdownLines renders marked-up markdown of p with glamour, or, for a
// guide shown as plain text because it was past its budget, lays it out
// without glamour, whose cost on such a guide is what the budget avoids.
func (r *Renderer) markdownLines(p *guides.Guide, md string) ([]string, error) {
	if p.Plain {
		return plainLines(md, r.width, r.style == assets.StyleASCII), nil
	}
	return r.renderSections(md)
}

// previewBytes is how much of a page the list's preview renders: enough to
// fill a tall terminal, and a fraction of the cost of the whole guide.
const previewBytes = 4000

// Preview renders the start of g's own text, for the guide list's preview
// pane. It needs g alone, not its page: the lists of related guides and of
// guides that link to it come at the end of a page, and finding the
// second means reading other guides (in a lazy library, most of them).
func (r *Renderer) Preview(g *guides.Guide) (*Rendered, error) {
	g = r.lib.Reading(g)
	md, _ := r.lib.Mark(g, guides.MarkInline)
	if len(md) > previewBytes {
		// Cut at a paragraph break, so no block is left half-open; a huge
		// paragraph is cut where it stands (a preview shows its start).
		end := previewBytes
		if i := strings.Index(md[previewBytes:min(len(md), 2*previewBytes)], "\n\n"); i >= 0 {
			end += i
		}
		for end > 0 && !utf8.RuneStart(md[end]) {
			end--
		}
		md = md[:end]
	}
	// A guide is a page without the generated sections.
	return r.layout(g, md)
}

// Text renders g as a document to print: title, summary and reviewed date,
// the body with numbered links, and a list of where each link goes.
func (r *Renderer) Text(g *guides.Guide) (string, error) {
	return r.text(g, r.lib.Page(g))
}

// TextSection is Text for one section of g's page (see Library.Section),
// under the guide's title, summary and reviewed date.
func (r *Renderer) TextSection(g *guides.Guide, anchor string) (string, error) {
	section, ok := r.lib.Section(g, anchor)
	if !ok {
		return "", fmt.Errorf("guide %q has no section %q", g.Slug, guides.SanitizeLine(anchor))
	}
	return r.text(g, section)
}

func (r *Renderer) text(g *guides.Guide, page *guides.Guide) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", g.Title)
	fmt.Fprintf(&b, "%s\n\n", g.Summary)
	fmt.Fprintf(&b, "Reviewed %s. General information, not legal advice.\n\n", g.ReviewedString())
	md, notes := r.lib.Mark(page, guides.MarkFootnotes)
	b.WriteString(md)
	var lines []string
	if assets.Plain(r.style) || page.Plain {
		lines = plainLines(b.String(), r.width, r.style == assets.StyleASCII)
	} else {
		var err error
		if lines, err = r.renderSections(b.String()); err != nil {
			return "", fmt.Errorf("rendering %s: %w", g.Slug, err)
		}
		for i, l := range lines {
			lines[i] = TrimPadding(l)
		}
	}
	if len(notes) > 0 {
		lines = append(lines, "", "  Links", "")
		for i, n := range notes {
			lines = append(lines, r.linkNote(i+1, n)...)
		}
	}
	// Guide text was made safe where it was loaded; this is the last
	// line of defence, after glamour has decoded what it decodes.
	out := Clean(strings.Join(lines, "\n")+"\n", !assets.Plain(r.style))
	if r.style == assets.StyleASCII {
		out = ASCII(out)
	}
	return out, nil
}

// linkNote is the n-th entry of the links block. Plain text, for pipes
// and files, keeps each address whole on one line for scripts and copying;
// styled text, for a terminal, wraps it at the width (at slashes and
// hyphens when it can) under the address's first column, instead of
// letting the terminal fold it back to the left edge.
func (r *Renderer) linkNote(n int, note string) []string {
	lead := fmt.Sprintf("  L%-2d ", n)
	if assets.Plain(r.style) {
		return []string{lead + note}
	}
	wrapped := strings.Split(ansi.Wrap(note, max(r.width-len(lead), 20), "/"), "\n")
	for i := range wrapped {
		if i == 0 {
			wrapped[i] = lead + wrapped[i]
		} else {
			wrapped[i] = strings.Repeat(" ", len(lead)) + wrapped[i]
		}
	}
	return wrapped
}

// locate trims each line's padding, removes the link and heading markers and
// records where they were.
func (rd *Rendered) locate(lines []string) {
	rd.Lines = make([]string, len(lines))
	rd.Plain = make([]string, len(lines))
	// Only links whose extent is known were marked, in order.
	var marked []int
	for i, l := range rd.Page.Links() {
		if l.End > 0 {
			marked = append(marked, i)
		}
	}
	nextHeading := 0
	// spot maps a marked link's number to its entry in rd.Links.
	spot := map[int]int{}
	for li, line := range lines {
		line = TrimPadding(line)
		if !strings.ContainsAny(line, markerRunes) {
			line = Clean(line, true)
			rd.Lines[li] = line
			rd.Plain[li] = ansi.Strip(line)
			continue
		}
		var b strings.Builder
		col := 0
		var state byte
		for s := line; len(s) > 0; {
			r, size := utf8.DecodeRuneInString(s)
			switch r {
			case guides.LinkStart, guides.LinkEnd:
				id, n, ok := guides.ReadLinkID(s[size:])
				s = s[size+n:]
				if !ok || id >= len(marked) {
					continue
				}
				if r == guides.LinkStart {
					if _, dup := spot[id]; !dup {
						rd.Links = append(rd.Links, LinkSpot{Link: marked[id], Line: li, Col: col, EndLine: -1})
						spot[id] = len(rd.Links) - 1
					}
				} else if i, ok := spot[id]; ok {
					rd.Links[i].EndLine, rd.Links[i].EndCol = li, col
				}
				continue
			case guides.HeadingMark:
				if nextHeading < len(rd.Page.Headings()) {
					rd.Headings = append(rd.Headings, HeadingSpot{Heading: nextHeading, Line: li})
					nextHeading++
				}
				s = s[size:]
				continue
			}
			seq, width, n, newState := ansi.DecodeSequence(s, state, nil)
			b.WriteString(seq)
			col += width
			state = newState
			s = s[n:]
		}
		rd.Lines[li] = Clean(b.String(), true)
		rd.Plain[li] = ansi.Strip(rd.Lines[li])
	}
	// A link left open (text cut by the renderer) ends where its line ends.
	for i := range rd.Links {
		if l := &rd.Links[i]; l.EndLine < 0 {
			l.EndLine, l.EndCol = l.Line, ansi.StringWidth(rd.Lines[l.Line])
		}
	}
	// Links in the order they sit on screen, which is the page's order
	// except in a table row whose cells wrap onto several lines.
	slices.SortStableFunc(rd.Links, func(a, b LinkSpot) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}

const markerRunes = string(guides.LinkStart) + string(guides.LinkEnd) + string(guides.HeadingMark) +
	string(guides.LinkBit0) + string(guides.LinkBit1)

// TrimPadding drops the styled spaces glamour pads every line with, closing
// any style the line left open.
func TrimPadding(line string) string {
	end := len(line)
	for end > 0 {
		switch c := line[end-1]; {
		case c == ' ' || c == '\t':
			end--
			continue
		case c == 'm':
			// An SGR sequence "ESC [ params m" ending here.
			i := end - 2
			for i >= 0 && (line[i] >= '0' && line[i] <= '9' || line[i] == ';' || line[i] == ':') {
				i--
			}
			if i >= 1 && line[i] == '[' && line[i-1] == '\x1b' {
				end = i - 1
				continue
			}
		}
		break
	}
	if end == len(line) {
		return line
	}
	trimmed := line[:end]
	if strings.Contains(trimmed, "\x1b[") {
		trimmed += "\x1b[m"
	}
	return trimmed
}

func trimBlankEdges(lines []string) []string {
	blank := func(s string) bool { return strings.TrimSpace(ansi.Strip(s)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// HeadingLine is the screen line of the heading with the given anchor.
func (d *Rendered) HeadingLine(anchor string) (int, bool) {
	for _, h := range d.Headings {
		if d.Page.Headings()[h.Heading].Anchor == anchor {
			return h.Line, true
		}
	}
	return 0, false
}
