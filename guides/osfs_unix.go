//go:build unix

package guides

import (
	"os"
	"syscall"
)

// openNoWait opens a file for reading without blocking on a FIFO that has
// no writer.
func openNoWait(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
