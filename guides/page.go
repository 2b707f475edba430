package guides

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HeadingMark starts every heading in marked-up markdown, so the renderer can
// find where each heading landed. Like the link markers it is a zero-width
// format character, removed from guide text by Sanitize.
const HeadingMark = '\u2062' // INVISIBLE TIMES

// Page is what a reader reads of a guide: the body followed by generated
// sections (related guides, guides that link here, sources), analysed like a
// body so its headings and links cover the whole page. It is built once per
// guide and shared; callers must not change it.
//
// The guides that link here ("Linked from") are known only once the
// library is linked (see Linked): in a lazy library, finding them would
// mean reading the text of every guide to show one, so a page built
// before Complete leaves that section out, and one built after has it.
func (lib *Library) Page(g *Guide) *Guide {
	key := pageKey{g, lib.Linked()}
	if p, ok := lib.pages.Load(key); ok {
		return p.(*Guide)
	}
	p, _ := lib.pages.LoadOrStore(key, lib.buildPage(g, key.linked))
	return p.(*Guide)
}

// pageKey is a page in the cache: a guide, with or without "Linked from".
type pageKey struct {
	g      *Guide
	linked bool
}

// Reading is g's own text as a reader reads it, without the generated
// sections of its page: citations numbered as on the page, boxes without
// their "[!TYPE]" line. It is built once per guide and shared.
func (lib *Library) Reading(g *Guide) *Guide {
	if p, ok := lib.readings.Load(g); ok {
		return p.(*Guide)
	}
	g.ensure()
	p := *g
	p.Body, p.source = pageBody(g.Body, CitationOrder(g)), ""
	p.headings, p.links, p.blocks, p.lazy = nil, nil, nil, nil
	analyse(&p)
	r, _ := lib.readings.LoadOrStore(g, &p)
	return r.(*Guide)
}

func (lib *Library) buildPage(g *Guide, withBacklinks bool) *Guide {
	g.ensure()
	var b strings.Builder
	sources := CitationOrder(g)
	b.WriteString(strings.TrimRight(pageBody(g.Body, sources), "\n"))
	b.WriteString("\n")

	list := func(heading string, slugs []string) {
		if len(slugs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n", heading)
		for _, s := range slugs {
			if t, ok := lib.bySlug[s]; ok {
				fmt.Fprintf(&b, "- [%s](/%s)\n", escapeText(t.Title), s)
			}
		}
	}
	// Related guides the body already links to are not listed twice.
	linked := map[string]bool{g.Slug: true}
	for _, s := range lib.Outgoing(g) {
		linked[s] = true
	}
	var related []string
	for _, r := range g.Related {
		if _, ok := lib.bySlug[r]; ok && !linked[r] {
			related = append(related, r)
		}
	}
	list("See also", related)
	if withBacklinks {
		var back []string
		for _, bl := range lib.Backlinks(g.Slug) {
			back = append(back, bl.Slug)
		}
		list("Linked from", back)
	}
	if len(sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for i, s := range sources {
			fmt.Fprintf(&b, "%d. ", i+1)
			if IsWebURL(s.URL) && !strings.ContainsAny(s.URL, " <>()") {
				fmt.Fprintf(&b, "[%s](%s)", escapeText(s.Title), s.URL)
			} else {
				b.WriteString(escapeText(s.Title))
			}
			var about []string
			for _, f := range []string{s.Publisher, s.Kind} {
				if f != "" {
					about = append(about, escapeText(f))
				}
			}
			if s.Published != "" {
				about = append(about, "published "+s.Published)
			}
			if s.Checked != "" {
				about = append(about, "checked "+s.Checked)
			}
			if len(about) > 0 {
				fmt.Fprintf(&b, "  \n   %s", strings.Join(about, " · "))
			}
			b.WriteString("\n")
		}
	}
	p := *g
	p.Body, p.source = b.String(), ""
	p.headings, p.links, p.blocks, p.lazy = nil, nil, nil, nil
	analyse(&p)
	return &p
}

// Section is the part of g's page under the heading with the given anchor,
// up to the next heading of the same or a higher level, analysed like a
// page; ok is false when the page has no such heading.
func (lib *Library) Section(g *Guide, anchor string) (*Guide, bool) {
	page := lib.Page(g)
	hs := page.Headings()
	for i, h := range hs {
		if h.Anchor != anchor {
			continue
		}
		start := strings.LastIndexByte(page.Body[:h.Offset], '\n') + 1
		end := len(page.Body)
		for _, next := range hs[i+1:] {
			if next.Level <= h.Level {
				end = strings.LastIndexByte(page.Body[:next.Offset], '\n') + 1
				break
			}
		}
		p := *page
		p.Body, p.source = page.Body[start:end], ""
		p.headings, p.links, p.blocks, p.lazy = nil, nil, nil, nil
		analyse(&p)
		return &p, true
	}
	return nil, false
}

// SourcesAnchor is the heading anchor of a page's Sources section, where
// citations lead.
const SourcesAnchor = "sources"

// pageBody rewrites a body for reading: each citation [^id] becomes a link
// "[n]" to the Sources section, numbered as in sources, and the "[!TYPE]"
// line that opens a labelled box is dropped (the box's first line names
// its label).
func pageBody(body string, sources []Source) string {
	refs, _ := citeRefs(body)
	boxes := findBoxes(body)
	if len(refs) == 0 && len(boxes) == 0 {
		return body
	}
	number := map[string]int{}
	for i, s := range sources {
		if s.ID != "" {
			number[s.ID] = i + 1
		}
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for _, r := range refs {
		if n, ok := number[r.ID]; ok {
			edits = append(edits, edit{r.Start, r.End, fmt.Sprintf("[[%d]](#%s)", n, SourcesAnchor)})
		}
	}
	for _, bx := range boxes {
		if _, ok := boxLabels[bx.Type]; !ok {
			continue
		}
		end := strings.IndexByte(body[bx.Offset:], '\n')
		if end < 0 {
			end = len(body) - bx.Offset
		}
		edits = append(edits, edit{bx.Offset, bx.Offset + end + 1, ""})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	prev := 0
	for _, e := range edits {
		if e.start < prev {
			continue
		}
		b.WriteString(body[prev:e.start])
		b.WriteString(e.text)
		prev = min(e.end, len(body))
	}
	b.WriteString(body[prev:])
	return b.String()
}

// IsCitation reports whether a page link is a citation made by pageBody.
func IsCitation(l Link) bool {
	t := strings.ReplaceAll(l.Text, "\\", "")
	if l.Kind != LinkAnchor || l.Anchor != SourcesAnchor || len(t) < 3 || t[0] != '[' || t[len(t)-1] != ']' {
		return false
	}
	for _, c := range t[1 : len(t)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// CitedSource is the source a citation link of g's page points to, and its
// number.
func CitedSource(g *Guide, l Link) (Source, int, bool) {
	if !IsCitation(l) {
		return Source{}, 0, false
	}
	n, _ := strconv.Atoi(strings.Trim(strings.ReplaceAll(l.Text, "\\", ""), "[]"))
	sources := CitationOrder(g)
	if n < 1 || n > len(sources) {
		return Source{}, 0, false
	}
	return sources[n-1], n, true
}

// escapeText escapes markdown punctuation in generated text.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Markup is how Mark rewrites links.
type Markup int

const (
	// MarkInline keeps link text in place between LinkStart and LinkEnd
	// markers, with no destination shown; external links get a trailing "↗".
	// It also puts HeadingMark before each heading's text.
	MarkInline Markup = iota
	// MarkFootnotes writes link text followed by a numbered mark, "[L1]",
	// and a list of where each link goes at the end: for text output. The
	// L sets link marks apart from citations, "[1]".
	MarkFootnotes
)

// Mark rewrites the links of a page (see Page) for rendering, so links read
// as their text instead of "[text](/slug)" syntax, and returns the markdown.
// In MarkInline, the n-th marked link in the output is p.links[n] among the
// links whose extent is known (End > 0). In MarkFootnotes, notes[i] says
// where link number i+1 goes; links to the same place share a number.
func (lib *Library) Mark(p *Guide, m Markup) (md string, notes []string) {
	p.ensure()
	src := p.Body
	var b strings.Builder
	b.Grow(len(src) + len(p.links)*8)
	prev := 0
	numbers := map[string]int{}
	marked := 0

	// Headings and links interleave in source order; walk both.
	hi := 0
	emitHeadingsUpTo := func(off int) {
		for ; hi < len(p.headings) && p.headings[hi].Offset <= off; hi++ {
			h := p.headings[hi]
			if m != MarkInline || h.Offset < prev || h.Offset > len(src) {
				continue
			}
			b.WriteString(src[prev:h.Offset])
			b.WriteRune(HeadingMark)
			prev = h.Offset
		}
	}
	for _, l := range p.links {
		if l.End == 0 || l.Start < prev {
			continue
		}
		emitHeadingsUpTo(l.Start)
		b.WriteString(src[prev:l.Start])
		text := src[l.TextStart:l.TextEnd]
		switch m {
		case MarkInline:
			b.WriteString("[")
			b.WriteRune(LinkStart)
			writeLinkID(&b, marked)
			b.WriteString(text)
			if l.Kind == LinkExternal {
				b.WriteString(" ↗")
			}
			b.WriteRune(LinkEnd)
			writeLinkID(&b, marked)
			b.WriteString("](#)")
			marked++
		case MarkFootnotes:
			if IsCitation(l) {
				b.WriteString(text)
				break
			}
			if strings.TrimSpace(text) == "" {
				text = l.Dest
			}
			note := lib.describe(p, l)
			n, ok := numbers[note]
			if !ok {
				notes = append(notes, note)
				n = len(notes)
				numbers[note] = n
			}
			fmt.Fprintf(&b, "%s \\[L%d\\]", text, n)
		}
		prev = l.End
	}
	emitHeadingsUpTo(len(src))
	b.WriteString(src[prev:])
	return b.String(), notes
}

// describe says in words where a link leads, for text output.
func (lib *Library) describe(p *Guide, l Link) string {
	switch l.Kind {
	case LinkExternal:
		return l.URL
	case LinkAnchor:
		if h, ok := p.Heading(l.Anchor); ok {
			return fmt.Sprintf("section %q of this guide", h.Text)
		}
	case LinkGuide:
		if t, ok := lib.bySlug[l.Slug]; ok {
			where := fmt.Sprintf("%s (pathways show %s)", t.Title, t.Slug)
			if l.Anchor != "" {
				if h, ok := t.Heading(l.Anchor); ok {
					where = fmt.Sprintf("%s, section %q (pathways show %s)", t.Title, h.Text, t.Slug)
				}
			}
			return where
		}
	}
	return "(broken link: " + l.Dest + ")"
}

// writeLinkID writes n in binary with LinkBit0 and LinkBit1, most
// significant bit first.
func writeLinkID(b *strings.Builder, n int) {
	bits := 1
	for n>>bits > 0 {
		bits++
	}
	for i := bits - 1; i >= 0; i-- {
		if n>>i&1 == 1 {
			b.WriteRune(LinkBit1)
		} else {
			b.WriteRune(LinkBit0)
		}
	}
}

// ReadLinkID reads the number writeLinkID wrote at the start of s, and how
// many bytes it took; ok is false if s does not start with one.
func ReadLinkID(s string) (n, size int, ok bool) {
	for {
		r, w := utf8.DecodeRuneInString(s[size:])
		switch r {
		case LinkBit0:
			n <<= 1
		case LinkBit1:
			n = n<<1 | 1
		default:
			return n, size, size > 0
		}
		size += w
	}
}
