"""The workspace: the data sets (and, with the VAE panel, trained models) that panels share, in
memory, each under the reference that makes it again.

A config names its data by reference, never by a private copy: a file the user chose (its path)
or a recipe, `data:` and the Data panel's parameters as JSON (engine.data.reference.recipe).
So the parameters an exported PNG carries, given to `lvm-gui run` or `export` in a fresh process,
make the same data again; in the window the Data panel's run puts what it made here, and a
model that asks for it by its recipe gets the same arrays without making them anew. Workers ask
from their threads: every access holds a lock. Beyond `capacity` the oldest is let go (it can
always be made again).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

DEFAULT_CAPACITY = 4  # data sets of up to a million 2-D points: 16 MB each


class Workspace:
    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError(f"capacity = {capacity}: at least one")
        self.capacity = capacity
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, reference: str, thing: Any) -> None:
        with self._lock:
            self._items[reference] = thing
            self._items.move_to_end(reference)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def get(self, reference: str) -> Any | None:
        with self._lock:
            thing = self._items.get(reference)
            if thing is not None:
                self._items.move_to_end(reference)
            return thing

    def get_or_make(self, reference: str, make: Callable[[], Any]) -> Any:
        """The thing under `reference`, made (outside the lock: it may take a while) and kept
        when it is not here."""
        thing = self.get(reference)
        if thing is None:
            thing = make()
            self.put(reference, thing)
        return thing

    def __contains__(self, reference: str) -> bool:
        with self._lock:
            return reference in self._items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


# The one workspace of this process: the window's panels and the command line share it.
WORKSPACE = Workspace()
