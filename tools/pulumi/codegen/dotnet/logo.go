package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
)

// offline answers the C# generator's one download, the package icon (Pulumi's logo when the schema has
// no logoUrl), with a plain icon of our own, so generating never reaches the network and is repeatable.
type offline struct{}

func (offline) RoundTrip(req *http.Request) (*http.Response, error) {
	icon := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			icon.Set(x, y, color.RGBA{R: 0x2b, G: 0x5c, B: 0x8a, A: 0xff})
		}
	}
	var body bytes.Buffer
	if err := png.Encode(&body, icon); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK, Body: io.NopCloser(&body), Header: http.Header{}, Request: req,
	}, nil
}
