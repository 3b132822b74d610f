"""Run PDF work in a child process with a memory cap and a time limit.

PDFium is C: a hostile or broken file can make it allocate without end, loop, or crash. In a
child process none of that reaches the caller: the child's address space is capped
(RLIMIT_AS), the parent stops waiting after the time limit and kills it, and a crash is a dead
child. Each is reported as a PdfError naming the file. The memory limit is what the child may
add to the address space it was forked with.

The child is forked: it starts in milliseconds with the PDF layer already imported. (A fork
server or spawn would re-import the caller's main module in every child: manage.py, pytest or
a task worker.) The child touches nothing it inherits but the file, and leaves by os._exit, so
the caller's database connections are never used or closed by it.
"""

import multiprocessing
import resource
import traceback

from .document import DEFAULT_LIMITS
from .errors import PdfError


def _address_space():
    """Bytes of address space this process already has (a forked child starts with the
    parent's, which in a threaded worker can be large)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(connection, memory, function, args, kwargs):
    try:
        limit = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        connection.send(("ok", function(*args, **kwargs)))
    except PdfError as error:
        connection.send(("error", error))
    except MemoryError:
        connection.send(("memory", None))
    except BaseException:  # anything else is a bug or a broken file: report it, do not hang
        connection.send(("crash", traceback.format_exc(limit=5)))
    finally:
        connection.close()


def run_bounded(function, filename, *args, limits=DEFAULT_LIMITS, **kwargs):
    """function(*args, **kwargs) in a child process; its result, or PdfError about `filename`.

    `function` must be importable by name (a module-level function) and its result picklable.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, limits.memory, function, args, kwargs), daemon=True
    )
    child.start()
    send.close()
    try:
        if not receive.poll(limits.seconds):
            raise PdfError(filename, f"处理超时（超过 {limits.seconds:.0f} 秒），文件可能异常")
        try:
            status, value = receive.recv()
        except EOFError:
            raise PdfError(filename, "处理时 PDF 引擎崩溃，文件可能已损坏") from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if status == "ok":
        return value
    if status == "error":
        raise value
    if status == "memory":
        raise PdfError(
            filename, f"处理所需内存超过上限（{limits.memory // 2**20} MB），文件可能异常"
        )
    raise PdfError(filename, f"处理失败（文件可能已损坏）：{value.strip().splitlines()[-1]}")
