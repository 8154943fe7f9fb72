"""The Textual reader and the command line. The only package that imports textual."""
