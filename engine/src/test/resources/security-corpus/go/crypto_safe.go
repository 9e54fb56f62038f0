package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"
	mrand "math/rand"
)

func shuffle(items []string) {
	mrand.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
}

func encrypt(key, data []byte) []byte {
	block, _ := aes.NewCipher(key)
	iv := make([]byte, aes.BlockSize)
	io.ReadFull(rand.Reader, iv)
	mode := cipher.NewCBCEncrypter(block, iv)
	out := make([]byte, len(data))
	mode.CryptBlocks(out, data)
	return append(iv, out...)
}
