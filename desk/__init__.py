"""The editors' desk (工作台): the duty editor's view of the issue being made, and its sign-offs."""
