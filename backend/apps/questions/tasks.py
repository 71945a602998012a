"""Background work of the question bank (runs in-process when Redis is not configured)."""

from celery import shared_task


@shared_task(name="questions.ingest_material")
def ingest_material_task(material_id: int) -> str:
    from apps.questions.services.materials import ingest

    return ingest(material_id).status


@shared_task(name="questions.generate_batch")
def generate_batch_task(batch_id: int) -> str:
    from apps.questions.services.generation import run_batch

    return run_batch(batch_id).status
