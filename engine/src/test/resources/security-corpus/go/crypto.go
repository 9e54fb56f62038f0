package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"math/rand"
)

func token() int64 {
	return rand.Int63() // session token, expect: CDS-SEC-022
}

func legacy(key []byte) (cipher.Block, error) {
	return des.NewCipher(key) // expect: CDS-SEC-021
}

func encrypt(key, data []byte) []byte {
	block, _ := aes.NewCipher(key)
	iv := []byte("0000000000000000")
	mode := cipher.NewCBCEncrypter(block, iv) // expect: CDS-SEC-023
	out := make([]byte, len(data))
	mode.CryptBlocks(out, data)
	return out
}
