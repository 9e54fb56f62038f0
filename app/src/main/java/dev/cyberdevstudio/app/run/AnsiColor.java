package dev.cyberdevstudio.app.run;

/** A colour an ANSI SGR sequence asks for: the default, one of the 256 indexed colours, or a 24-bit one. */
public sealed interface AnsiColor {

    AnsiColor DEFAULT = new Default();

    /** The colour the output has without SGR: the theme's, per output channel. */
    record Default() implements AnsiColor {
    }

    /** 0-7 normal, 8-15 bright (both from the theme's terminal palette), 16-231 a 6×6×6 cube, 232-255 greys. */
    record Indexed(int index) implements AnsiColor {

        public Indexed {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("an indexed colour is 0 to 255, not " + index);
            }
        }
    }

    record Rgb(int red, int green, int blue) implements AnsiColor {

        public Rgb {
            if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
                throw new IllegalArgumentException("colour channels are 0 to 255");
            }
        }
    }
}
