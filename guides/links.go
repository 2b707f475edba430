package guides

import (
	"bytes"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// LinkKind says where a link goes.
type LinkKind int

const (
	// LinkGuide goes to another guide (or this one), maybe at an anchor.
	LinkGuide LinkKind = iota
	// LinkAnchor goes to a heading in the same guide.
	LinkAnchor
	// LinkExternal goes to a web page (or a mail address).
	LinkExternal
	// LinkInvalid is a destination pathways cannot follow.
	LinkInvalid
)

// Link is one link in a guide body, in reading order.
type Link struct {
	Text string
	// Dest is the destination as written.
	Dest string
	Kind LinkKind
	// Slug and Anchor are set for LinkGuide; Anchor for LinkAnchor.
	Slug   string
	Anchor string
	// URL is set for LinkExternal.
	URL  string
	Line int
	// Start and End delimit the whole link ("[text](dest)") in Body, and
	// TextStart, TextEnd its text; End is 0 where the extent is unknown.
	Start, End         int
	TextStart, TextEnd int
}

// ParseDest classifies a link destination as written in a guide:
// "/slug", "/slug#anchor", "slug.md", "./slug.md#anchor" reach a guide;
// "#anchor" reaches a heading in the same guide; http(s) and mailto are
// external.
func ParseDest(dest string) (kind LinkKind, slug, anchor string) {
	dest = strings.TrimSpace(dest)
	lower := strings.ToLower(dest)
	switch {
	case dest == "":
		return LinkInvalid, "", ""
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "mailto:"):
		return LinkExternal, "", ""
	case strings.HasPrefix(dest, "#"):
		return LinkAnchor, "", unescape(dest[1:])
	}
	p, frag, _ := strings.Cut(dest, "#")
	frag = unescape(frag)
	switch {
	case strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//"):
		slug = strings.TrimSuffix(strings.TrimPrefix(p, "/"), "/")
		slug = strings.TrimSuffix(slug, ".md")
	case strings.HasSuffix(p, ".md"):
		slug = strings.TrimSuffix(strings.TrimPrefix(p, "./"), ".md")
	default:
		return LinkInvalid, "", ""
	}
	if !ValidSlug(slug) {
		return LinkInvalid, "", ""
	}
	return LinkGuide, slug, frag
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// markdown is configured like glamour's parser, so the links and headings
// found here are the ones the reader renders.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// maxLinks bounds link extraction, so one hostile guide cannot make the
// library (and every render) slow.
const maxLinks = 5000

// MaxNesting is the deepest nesting of block quotes and lists a guide may
// use. Rendering cost grows with the square of the depth (and a hundred
// levels stall glamour outright), so a deeper guide is shown as plain text.
const MaxNesting = 12

// analyse fills in a guide's headings, links and word count from its body.
// A body nested deeper than MaxNesting is replaced by a plain-text block of
// itself, and the problem says so.
func analyse(g *Guide) []Problem {
	src := []byte(g.Body)
	// Parsing itself slows down sharply with depth (a thousand indented
	// list levels take seconds), so extreme nesting is caught from the
	// line prefixes before the parser sees it; the parse tree decides the
	// rest exactly.
	var doc ast.Node
	over, line := "", 0
	if depth, l := prefixNesting(g.Body); depth > 4*MaxNesting {
		over, line = fmt.Sprintf("block quotes or lists nested %d levels deep (limit %d)", depth, MaxNesting), l
	} else if what, l := blockBudget(g.Body); what != "" {
		over, line = what, l
	} else {
		doc = markdown.Parser().Parse(text.NewReader(src))
		if depth, l := nesting(doc, src); depth > MaxNesting {
			over, line = fmt.Sprintf("block quotes or lists nested %d levels deep (limit %d)", depth, MaxNesting), l
		} else if n := countNodes(doc); n > MaxNodes {
			over, line = fmt.Sprintf("%d markdown elements (limit %d)", n, MaxNodes), 0
		}
	}
	if over != "" {
		g.Plain = true
		g.Body = plainBlock(g.Body)
		src = []byte(g.Body)
		doc = markdown.Parser().Parse(text.NewReader(src))
		analyseDoc(g, doc, src)
		return []Problem{{File: g.File, Line: g.BodyLine + line, Msg: over + "; the guide is shown as plain text"}}
	}
	analyseDoc(g, doc, src)
	return nil
}

// A guide's budget: what the markdown parser and renderer can take in well
// under a second. Goldmark reads link reference definitions in time that
// grows with the square of their number, and each table costs the
// renderer a layout of its own. A guide past its budget is shown as plain
// text.
const (
	MaxRefDefinitions = 500
	MaxTables         = 300
	MaxNodes          = 200000
)

// blockBudget counts link reference definitions and tables from line
// prefixes, before parsing, and describes the first limit passed and the
// 0-based line where it was passed.
func blockBudget(body string) (string, int) {
	defs, tables, n := 0, 0, -1
	over, at := "", 0
	eachLine(body, func(line string, _, _ int, fenced bool) {
		n++
		t := strings.TrimLeft(line, " ")
		if over != "" || fenced || len(line)-len(t) > 3 {
			return
		}
		if refDefinitionLine(t) {
			if defs++; defs > MaxRefDefinitions {
				over, at = fmt.Sprintf("more than %d link reference definitions", MaxRefDefinitions), n
			}
		}
		if tableDelimiterLine(t) {
			if tables++; tables > MaxTables {
				over, at = fmt.Sprintf("more than %d tables", MaxTables), n
			}
		}
	})
	return over, at
}

// refDefinitionLine is "[label]: …", the start of a link reference
// definition (or a footnote definition).
func refDefinitionLine(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1 && !strings.Contains(t[1:end], "]")
}

// tableDelimiterLine is a GFM table's delimiter row, "|---|:--:|".
func tableDelimiterLine(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.Contains(t, "-") || !strings.Contains(t, "|") && !strings.Contains(t, ":") {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// countNodes counts the parsed document's nodes.
func countNodes(doc ast.Node) int {
	n := 0
	_ = ast.Walk(doc, func(ast.Node, bool) (ast.WalkStatus, error) {
		n++
		return ast.WalkContinue, nil
	})
	return n / 2
}

// prefixNesting estimates from line prefixes how deep block quotes and
// lists nest (a quote marker, or two columns of list indentation, per
// level), and the 0-based line where nesting first passes MaxNesting.
func prefixNesting(body string) (int, int) {
	deepest, where, n := 0, -1, -1
	for line := range strings.SplitSeq(body, "\n") {
		n++
		depth, col := 0, 0
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '>':
				depth++
				col = 0
				continue
			case ' ':
				col++
				continue
			case '\t':
				col += 4
				continue
			}
			if c := line[i]; c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9' {
				depth += col/2 + 1
			}
			break
		}
		deepest = max(deepest, depth)
		if depth > MaxNesting && where < 0 {
			where = n
		}
	}
	return deepest, max(where, 0)
}

// nesting returns how deep block quotes and lists nest, and the body line
// (0-based) where nesting first passes MaxNesting.
func nesting(doc ast.Node, src []byte) (int, int) {
	depth, deepest, where := 0, 0, -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
		default:
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		deepest = max(deepest, depth)
		if depth > MaxNesting && where < 0 {
			where = blockLine(n, src)
		}
		return ast.WalkContinue, nil
	})
	return deepest, max(where, 0)
}

// blockLine is the 0-based line of a block's first text, as far as known.
func blockLine(n ast.Node, src []byte) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return bytes.Count(src[:c.Lines().At(0).Start], []byte("\n"))
		}
	}
	return 0
}

// plainBlock wraps text in fenced code blocks that no line of it can close,
// plainChunk lines each: glamour builds a code block's text a line at a
// time, in time that grows with the square of its lines.
func plainBlock(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	var b strings.Builder
	b.Grow(len(s) + len(s)/plainChunk + 64)
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for start := 0; start < len(lines); start += plainChunk {
		if start > 0 {
			b.WriteString("\n")
		}
		b.WriteString(fence + "text\n")
		for _, l := range lines[start:min(len(lines), start+plainChunk)] {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteString(fence + "\n")
	}
	return b.String()
}

// plainChunk is how many lines one code block of plain text holds.
const plainChunk = 256

func analyseDoc(g *Guide, doc ast.Node, src []byte) {
	lines := newLineIndex(src, g.BodyLine)
	anchors := anchorSet{}

	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if n.Lines().Len() > 0 {
				if t := stripCitations(plainText(n, src)); t != "" {
					g.blocks = append(g.blocks, block{text: t, offset: n.Lines().At(0).Start})
				}
			}
		case *east.TableRow, *east.TableHeader:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t := plainText(c, src); t != "" {
					cells = append(cells, t)
				}
			}
			off := 0
			if c := n.FirstChild(); c != nil && c.Lines().Len() > 0 {
				off = c.Lines().At(0).Start
			}
			if len(cells) > 0 {
				g.blocks = append(g.blocks, block{text: strings.Join(cells, " · "), offset: off})
			}
		case *ast.Heading:
			t := plainText(n, src)
			off := 0
			if n.Lines().Len() > 0 {
				off = n.Lines().At(0).Start
			}
			g.headings = append(g.headings, Heading{Level: n.Level, Text: t, Anchor: anchors.unique(t), Line: lines.line(off), Offset: off})
		case *ast.Link:
			if len(g.links) >= maxLinks {
				return ast.WalkSkipChildren, nil
			}
			l := Link{Text: plainText(n, src), Dest: string(n.Destination)}
			l.Start = max(n.Pos(), 0)
			l.Line = lines.line(l.Start)
			l.TextStart, l.TextEnd, l.End = linkExtent(src, l.Start)
			classify(&l)
			g.links = append(g.links, l)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if len(g.links) >= maxLinks {
				return ast.WalkSkipChildren, nil
			}
			u := string(n.URL(src))
			label := string(n.Label(src))
			l := Link{Text: label, Dest: u, Kind: LinkExternal, URL: u}
			l.Start = max(n.Pos(), 0)
			l.Line = lines.line(l.Start)
			if l.Start+len(label) <= len(src) && string(src[l.Start:l.Start+len(label)]) == label {
				l.TextStart, l.TextEnd, l.End = l.Start, l.Start+len(label), l.Start+len(label)
			} else if l.Start < len(src) && src[l.Start] == '<' {
				if end := bytes.IndexByte(src[l.Start:], '>'); end > 0 {
					l.TextStart, l.TextEnd, l.End = l.Start+1, l.Start+end, l.Start+end+1
				}
			}
			g.links = append(g.links, l)
		}
		return ast.WalkContinue, nil
	})
}

func classify(l *Link) {
	kind, slug, anchor := ParseDest(l.Dest)
	l.Kind, l.Slug, l.Anchor = kind, slug, anchor
	if kind == LinkExternal {
		l.URL = strings.TrimSpace(l.Dest)
	}
}

// plainText is the visible text of an inline subtree. The text is
// gathered in a buffer on the stack and copied out once, at its size.
func plainText(n ast.Node, src []byte) string {
	var scratch [512]byte
	b := scratch[:0]
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b))
}

// linkExtent finds, for an inline link whose "[" is at start, where its text
// starts and ends and where the whole link ends. It returns zeros when the
// source is not an inline, full or collapsed reference link it understands.
func linkExtent(src []byte, start int) (textStart, textEnd, end int) {
	if start >= len(src) || src[start] != '[' {
		return 0, 0, 0
	}
	close := matchBracket(src, start, '[', ']')
	if close < 0 {
		return 0, 0, 0
	}
	textStart, textEnd = start+1, close
	next := close + 1
	switch {
	case next < len(src) && src[next] == '(':
		if e := matchBracket(src, next, '(', ')'); e > 0 {
			return textStart, textEnd, e + 1
		}
		return 0, 0, 0
	case next < len(src) && src[next] == '[':
		if e := matchBracket(src, next, '[', ']'); e > 0 {
			return textStart, textEnd, e + 1
		}
		return 0, 0, 0
	default:
		return textStart, textEnd, next
	}
}

// matchBracket returns the index of the bracket closing the one at open,
// skipping backslash escapes, code spans and <...> destinations.
func matchBracket(src []byte, open int, o, c byte) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch ch := src[i]; {
		case ch == '\\':
			i++
		case ch == '`' && o == '[':
			n := 1
			for i+n < len(src) && src[i+n] == '`' {
				n++
			}
			fence := bytes.Repeat([]byte{'`'}, n)
			if j := bytes.Index(src[i+n:], fence); j >= 0 {
				i += n + j + n - 1
			} else {
				i += n - 1
			}
		case ch == '<' && o == '(':
			if j := bytes.IndexByte(src[i:], '>'); j > 0 && bytes.IndexByte(src[i:i+j], '\n') < 0 {
				i += j
			}
		case ch == '\n' && i+1 < len(src) && src[i+1] == '\n':
			return -1 // a blank line ends the paragraph
		case ch == o:
			depth++
		case ch == c:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// lineIndex converts byte offsets in a body to file lines.
type lineIndex struct {
	starts []int
	first  int
}

func newLineIndex(src []byte, firstLine int) lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, first: firstLine}
}

func (x lineIndex) line(offset int) int {
	return sort.SearchInts(x.starts, offset+1) - 1 + x.first
}

// countWords counts runs of non-space characters, like len(strings.Fields)
// without building the slice.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
