package guides

import (
	"embed"
	"io/fs"
)

//go:embed content/*.md
var content embed.FS

// Embedded is the folder of guides built into the binary.
func Embedded() Dir {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder exists
	}
	return Dir{FS: sub, Name: "guides/content", Embedded: true}
}

// LoadEmbedded loads only the built-in guides.
func LoadEmbedded() *Library { return Load([]Dir{Embedded()}, Options{}) }
