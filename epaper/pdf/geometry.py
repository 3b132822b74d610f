"""Boxes on a page, in points from the top left corner (y grows downwards), as a reader reads."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self):
        return self.x1 - self.x0

    @property
    def height(self):
        return self.bottom - self.top

    @property
    def area(self):
        return max(0.0, self.width) * max(0.0, self.height)

    def union(self, other):
        return Box(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def overlaps(self, other, margin=0.0):
        """Whether the two share more than `margin` points in both directions."""
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > margin
            and min(self.bottom, other.bottom) - max(self.top, other.top) > margin
        )

    def x_overlap(self, other):
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    def padded(self, by):
        return Box(self.x0 - by, self.top - by, self.x1 + by, self.bottom + by)

    def relative(self, width, height, digits=5):
        """[x0, top, x1, bottom] as fractions of the page: fits an image of any size."""
        return [
            round(min(max(self.x0 / width, 0.0), 1.0), digits),
            round(min(max(self.top / height, 0.0), 1.0), digits),
            round(min(max(self.x1 / width, 0.0), 1.0), digits),
            round(min(max(self.bottom / height, 0.0), 1.0), digits),
        ]


def from_pdf(left, bottom, right, top, origin):
    """A box from PDF coordinates (origin bottom left, y up), given the crop box's left and top."""
    x, y = origin
    return Box(left - x, y - top, right - x, y - bottom)


def objects_of(objects, kind, origin):
    """(object, box) for the page objects of one FPDF_PAGEOBJ_* kind."""
    return [(obj, from_pdf(*obj.get_bounds(), origin)) for obj in objects if obj.type == kind]


def union_all(boxes):
    boxes = list(boxes)
    result = boxes[0]
    for box in boxes[1:]:
        result = result.union(box)
    return result
