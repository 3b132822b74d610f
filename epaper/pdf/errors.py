"""The one error the PDF layer raises: a file that cannot be imported, named for the operator."""


class PdfError(Exception):
    """A PDF that cannot be imported; `file` names it, `page` (1-based) says where if known."""

    def __init__(self, file, message, page=None):
        super().__init__(file, message, page)
        self.file = file
        self.message = message
        self.page = page

    def __str__(self):
        where = f" 第{self.page}页" if self.page else ""
        return f"{self.file}{where}：{self.message}"
