"""The LKjIP document: composed from the value model, written to Word, PDF or a web page."""
