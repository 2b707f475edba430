package render

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Glamour wraps a list item as one block with its bullet, so the item's
// second line starts under the bullet. To hang it under the item's text
// instead, the text of each item is marked before glamour renders it, its
// spaces made non-breaking so that glamour breaks it only where no
// character is lost (after a hyphen or a comma, or inside a word too long
// for the line), and after rendering the pieces are joined and wrapped
// again beside the bullet.
const (
	itemStart = '\U000E0001'
	itemEnd   = '\U000E0002'
	nbsp      = '\u00a0'
)

// markItems returns md with the first paragraph of each list item between
// itemStart and itemEnd, its spaces non-breaking.
func markItems(md string) string {
	md = strings.NewReplacer(string(itemStart), "", string(itemEnd), "").Replace(md)
	src := []byte(md)
	doc := plainMarkdown.Parser().Parse(text.NewReader(src))
	type edit struct {
		at, end int // bytes of src
		lines   *text.Segments
	}
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindListItem {
			return ast.WalkContinue, nil
		}
		first := n.FirstChild()
		if first == nil || (first.Kind() != ast.KindParagraph && first.Kind() != ast.KindTextBlock) || first.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		lines := first.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			line := strings.TrimRight(md[seg.Start:seg.Stop], "\n")
			// A hard line break stays as it is, and so do inline HTML and
			// bare web addresses, whose extent a non-breaking space
			// would change.
			if i < lines.Len()-1 && (strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")) ||
				strings.Contains(line, "<") || strings.Contains(line, "://") || strings.Contains(line, "www.") {
				return ast.WalkContinue, nil
			}
		}
		edits = append(edits, edit{lines.At(0).Start, lines.At(lines.Len() - 1).Stop, lines})
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + len(edits)*16)
	prev := 0
	for _, e := range edits {
		b.WriteString(md[prev:e.at])
		b.WriteRune(itemStart)
		for i := range e.lines.Len() {
			seg := e.lines.At(i)
			if i > 0 {
				// A soft line break is a space like the others.
				b.WriteRune(nbsp)
			}
			line := md[seg.Start:seg.Stop]
			body := strings.TrimRight(line, " \t\n")
			b.WriteString(strings.ReplaceAll(strings.TrimLeft(body, " \t"), " ", string(nbsp)))
			if i == e.lines.Len()-1 {
				b.WriteRune(itemEnd)
				b.WriteString(line[len(body):])
			}
		}
		prev = e.end
	}
	b.WriteString(md[prev:])
	return b.String()
}

// hangItems joins the pieces of each marked item glamour wrapped and wraps
// them again so that every line after the first starts under the item's
// text; edge is the column lines end at.
func hangItems(lines []string, edge int) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		s := strings.IndexRune(lines[i], itemStart)
		if s < 0 {
			out = append(out, lines[i])
			continue
		}
		end := i
		for end < len(lines) && !strings.ContainsRune(lines[end], itemEnd) {
			end++
		}
		if end == len(lines) {
			out = append(out, strings.ReplaceAll(lines[i], string(itemStart), ""))
			continue
		}
		// The bullet is before the text, or alone on the line above it
		// when the text's first piece did not fit beside it.
		prefix := lines[i][:s]
		if strings.TrimSpace(ansi.Strip(prefix)) == "" && len(out) > 0 {
			prefix = TrimPadding(out[len(out)-1]) + " "
			out = out[:len(out)-1]
		}
		plainPrefix := ansi.Strip(prefix)
		margin := len(plainPrefix) - len(strings.TrimLeft(plainPrefix, " "))
		hang := ansi.StringWidth(plainPrefix)

		var body strings.Builder
		body.WriteString(TrimPadding(lines[i][s+len(string(itemStart)):]))
		for j := i + 1; j <= end; j++ {
			body.WriteString(dropCells(TrimPadding(lines[j]), margin))
		}
		content, tail, _ := strings.Cut(body.String(), string(itemEnd))
		content = strings.ReplaceAll(content, string(nbsp), " ")
		wrapped := strings.Split(lipgloss.Wrap(content, max(edge-hang, 10), ""), "\n")
		out = append(out, prefix+wrapped[0])
		for _, w := range wrapped[1:] {
			out = append(out, strings.Repeat(" ", hang)+w)
		}
		out[len(out)-1] += tail
		i = end
	}
	return out
}

// dropCells removes the first n cells of line if they are spaces, keeping
// any escape sequences among them.
func dropCells(line string, n int) string {
	var b strings.Builder
	var state byte
	for s := line; len(s) > 0; {
		seq, width, size, newState := ansi.DecodeSequence(s, state, nil)
		state = newState
		s = s[size:]
		if n > 0 && width > 0 && seq == " " {
			n--
			continue
		}
		if width > 0 {
			n = 0
		}
		b.WriteString(seq)
	}
	return b.String()
}
