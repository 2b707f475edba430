package render

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"pathways/guides"
)

// Plain text is what `show` prints to a pipe. Glamour styles text through
// chains of escape-aware writers, byte by byte, which is wasted on text that
// carries no escapes at all (it was two thirds of `show`), so plain output
// is laid out here instead, from the same markdown, with the same parser
// configuration.
var plainMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// plainMargin indents every line of plain output, as glamour's styles do.
const plainMargin = "  "

// plainLines lays out markdown as plain text lines at most width cells wide
// (a word longer than a line, or a code line, runs over), with ASCII-only
// decoration when ascii is set.
func plainLines(md string, width int, ascii bool) []string {
	src := []byte(keepWhole(md))
	p := plainWriter{src: src, ascii: ascii}
	doc := plainMarkdown.Parser().Parse(text.NewReader(src))
	lines := p.blocks(doc, max(width-len(plainMargin), 10))
	for i, l := range lines {
		if l != "" {
			lines[i] = plainMargin + l
		}
	}
	return unglueLines(lines)
}

type plainWriter struct {
	src   []byte
	ascii bool
}

func (p *plainWriter) pick(unicode, ascii string) string {
	if p.ascii {
		return ascii
	}
	return unicode
}

// blocks lays out the block children of n, a blank line between each.
func (p *plainWriter) blocks(n ast.Node, width int) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lines := p.block(c, width)
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 && !tightChild(c) {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

// tightChild reports a block that follows its previous sibling without a
// blank line: the parts of an item in a tight list, and the definitions
// under a term.
func tightChild(n ast.Node) bool {
	switch n.Kind() {
	case east.KindDefinitionDescription:
		return true
	}
	if item, ok := n.Parent().(*ast.ListItem); ok {
		if list, ok := item.Parent().(*ast.List); ok {
			return list.IsTight
		}
	}
	return false
}

func (p *plainWriter) block(n ast.Node, width int) []string {
	switch n := n.(type) {
	case *ast.Heading:
		return wrapText(strings.Repeat("#", n.Level)+" "+p.inline(n), width)
	case *ast.Paragraph, *ast.TextBlock:
		return wrapText(p.inline(n), width)
	case *ast.ThematicBreak:
		return []string{strings.Repeat(p.pick("─", "-"), min(width, 40))}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var out []string
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			out = append(out, "    "+strings.TrimRight(guides.Sanitize(string(seg.Value(p.src))), "\n"))
		}
		return out
	case *ast.Blockquote:
		bar := p.pick("│", "|")
		inner := p.blocks(n, width-2)
		for i, l := range inner {
			if l == "" {
				inner[i] = bar
			} else {
				inner[i] = bar + " " + l
			}
		}
		return inner
	case *ast.List:
		return p.list(n, width)
	case *ast.HTMLBlock:
		return nil // raw HTML is not shown, as in the reader
	case *east.Table:
		return p.table(n, width)
	case *east.DefinitionTerm:
		return wrapText(p.inline(n), width)
	case *east.DefinitionDescription:
		return indent(p.blocks(n, width-4), "    ")
	}
	if n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
		return p.blocks(n, width)
	}
	return wrapText(p.inline(n), width)
}

func (p *plainWriter) list(n *ast.List, width int) []string {
	var out []string
	number := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := p.pick("•", "*")
		if n.IsOrdered() {
			marker = fmt.Sprintf("%d%c", number, n.Marker)
			number++
		}
		hang := strings.Repeat(" ", utf8.RuneCountInString(marker)+1)
		lines := p.blocks(item, width-len(hang))
		if len(lines) == 0 {
			lines = []string{""}
		}
		if len(out) > 0 && !n.IsTight {
			out = append(out, "")
		}
		for i, l := range lines {
			switch {
			case i == 0:
				out = append(out, strings.TrimRight(marker+" "+l, " "))
			case l == "":
				out = append(out, "")
			default:
				out = append(out, hang+l)
			}
		}
	}
	return out
}

// table lays a table out in aligned columns when it fits the width, and
// otherwise as one block per row, each cell named by its column's header.
func (p *plainWriter) table(n *east.Table, width int) []string {
	var rows [][]string
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, p.inline(c))
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return nil
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	sep := p.pick(" │ ", " | ")
	total := (cols - 1) * cellWidth(sep)
	for _, w := range widths {
		total += w
	}
	if total <= width {
		var out []string
		for ri, r := range rows {
			var b strings.Builder
			for i := range cols {
				c := ""
				if i < len(r) {
					c = r[i]
				}
				if i > 0 {
					b.WriteString(sep)
				}
				b.WriteString(c)
				if i < cols-1 {
					b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)))
				}
			}
			out = append(out, strings.TrimRight(b.String(), " "))
			if ri == 0 {
				var rule []string
				for _, w := range widths {
					rule = append(rule, strings.Repeat(p.pick("─", "-"), w))
				}
				out = append(out, strings.Join(rule, p.pick("─┼─", "-+-")))
			}
		}
		return out
	}
	header := rows[0]
	var out []string
	for _, r := range rows[1:] {
		if len(out) > 0 {
			out = append(out, "")
		}
		for i, c := range r {
			name := ""
			if i < len(header) && header[i] != "" {
				name = header[i] + ": "
			}
			lines := wrapText(name+c, width-2)
			out = append(out, lines[0])
			out = append(out, indent(lines[1:], "  ")...)
		}
	}
	return out
}

// inline is the text of n's inline children: escapes and character
// references resolved, soft line breaks as spaces, hard ones as newlines,
// and anything unsafe made visible.
func (p *plainWriter) inline(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(p.src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			switch {
			case c.HardLineBreak():
				b.WriteByte('\n')
			case c.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(p.src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *east.TaskCheckBox:
			if c.IsChecked {
				b.WriteString("[x] ")
			} else {
				b.WriteString("[ ] ")
			}
		}
		return ast.WalkContinue, nil
	})
	return guides.Sanitize(b.String())
}

// wrapText fills lines of at most width cells with the words of s; a
// newline in s starts a new line, and a word longer than a line has one to
// itself, whole (web addresses stay copyable).
func wrapText(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineWidth := 0
		for _, w := range strings.Fields(para) {
			ww := cellWidth(w)
			if lineWidth > 0 && lineWidth+1+ww > width {
				out = append(out, line.String())
				line.Reset()
				lineWidth = 0
			}
			if lineWidth > 0 {
				line.WriteByte(' ')
				lineWidth++
			}
			line.WriteString(w)
			lineWidth += ww
		}
		out = append(out, line.String())
	}
	// A hard break at the very end leaves an empty last line.
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cellWidth is how many terminal cells s takes.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

func indent(lines []string, prefix string) []string {
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return lines
}
