"""A short title-card video (WebM) made with PyAV, and its WebVTT captions."""

import io
import os
from collections.abc import Sequence
from types import ModuleType

from django.core.exceptions import ImproperlyConfigured
from PIL import Image

from .images import Scene

WIDTH, HEIGHT = 640, 360
FPS = 20
SECONDS = 5
BIT_RATE = 400_000


def _pyav() -> ModuleType:
    """PyAV, which only the demo needs: a deployment installs without it."""
    try:
        import av
    except ImportError as error:
        raise ImproperlyConfigured(
            "The demo's videos need PyAV: install the demo extra "
            "(pip install -e '.[demo]'; `make run` does it)."
        ) from error
    return av


def video_codec() -> str:
    """VP9 where PyAV's build has it, else VP8; both play in every current browser."""
    available = _pyav().codecs_available
    return "libvpx-vp9" if "libvpx-vp9" in available else "libvpx"


def title_card_webm(scene: Scene, title: str, subtitle: str) -> bytes:
    """SECONDS of drifting circles, the title fading in over the first second."""
    background = scene.background(WIDTH, HEIGHT)
    text = scene.text(WIDTH, HEIGHT, title, subtitle)
    buffer = io.BytesIO()
    av = _pyav()
    with av.open(buffer, mode="w", format="webm") as container:
        stream = container.add_stream(video_codec(), rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.bit_rate = BIT_RATE
        stream.options = {
            "deadline": "realtime",
            "cpu-used": "8",
            "row-mt": "1",
            "tile-columns": "1",
            "threads": str(min(4, os.cpu_count() or 1)),
        }
        for index in range(FPS * SECONDS):
            t = index / FPS
            frame = Image.alpha_composite(background, scene.shapes(WIDTH, HEIGHT, t))
            frame = Image.alpha_composite(frame, _faded(text, min(1.0, t)))
            video_frame = av.VideoFrame.from_image(frame.convert("RGB"))
            for packet in stream.encode(video_frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()


def _faded(layer: Image.Image, opacity: float) -> Image.Image:
    if opacity >= 1:
        return layer
    faded = layer.copy()
    faded.putalpha(layer.getchannel("A").point(lambda value: int(value * opacity)))
    return faded


def webvtt(cues: Sequence[str], seconds: float = SECONDS) -> str:
    """Captions spread evenly over the clip, one cue per line of the transcript."""
    step = seconds / len(cues)
    lines = ["WEBVTT", ""]
    for index, cue in enumerate(cues):
        lines += [
            str(index + 1),
            f"{_timestamp(index * step)} --> {_timestamp((index + 1) * step)}",
            cue,
            "",
        ]
    return "\n".join(lines)


def _timestamp(seconds: float) -> str:
    milliseconds = round(seconds * 1000)
    minutes, milliseconds = divmod(milliseconds, 60_000)
    secs, milliseconds = divmod(milliseconds, 1000)
    return f"00:{minutes:02d}:{secs:02d}.{milliseconds:03d}"
