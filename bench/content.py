"""The bench pages' generated text: English and Spanish words, and StreamField
bodies of paragraphs and images (bench_dataset, bench/grow.py)."""

WORDS = (
    "learning peers organisations evaluation community session module practice "
    "reflection evidence participation network facilitation knowledge change"
).split()
PALABRAS = (
    "aprendizaje pares organizaciones evaluación comunidad sesión módulo práctica "
    "reflexión evidencia participación red facilitación conocimiento cambio"
).split()


def text(rng, words, count):
    return " ".join(rng.choice(words) for _ in range(count)).capitalize() + "."


def body(rng, words, images):
    blocks = []
    for index in range(4):
        blocks.append(
            {
                "type": "paragraph",
                "value": (
                    f"<p>{text(rng, words, 60)} <b>{text(rng, words, 5)}</b></p>"
                ),
            }
        )
        if index % 2 == 0:
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": rng.choice(images).pk,
                        "alt_text": text(rng, words, 4),
                        "caption": text(rng, words, 6),
                    },
                }
            )
    return blocks
