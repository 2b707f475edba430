// Package chroma stands in for github.com/alecthomas/chroma/v2 in pathways
// builds (see the replace directive in pathways' go.mod and ../README.md).
//
// It provides only what glamour's code-block renderer refers to: token
// types, style entries and a style type. Nothing here runs at start-up.
package chroma

// TokenType names a kind of source token. Only the kinds glamour's style
// configuration names exist here.
type TokenType int

// The token kinds glamour maps its Chroma style settings onto.
const (
	Background TokenType = -1 - iota
	Text
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
)

// StyleEntries maps token kinds to style strings such as "#ff0000 bold".
type StyleEntries map[TokenType]string

// Style is a named set of entries.
type Style struct {
	Name    string
	Entries StyleEntries
}

// MustNewStyle returns a style holding entries.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, Entries: entries}
}
