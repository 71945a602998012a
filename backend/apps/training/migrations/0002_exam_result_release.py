# Exam verdicts now wait in ExamResult until the exam releases its answers, instead of
# entering the wrong-question book early with a visibility time.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('training', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='wrongbookentry',
            name='available_from',
        ),
        migrations.AddField(
            model_name='examresult',
            name='exam_id',
            field=models.PositiveBigIntegerField(default=0, verbose_name='考试'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='examresult',
            name='response',
            field=models.JSONField(null=True, verbose_name='作答'),
        ),
        migrations.AddField(
            model_name='examresult',
            name='answered_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='交卷时间'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='examresult',
            name='applied',
            field=models.BooleanField(default=False, verbose_name='已计入错题本'),
        ),
        migrations.AddIndex(
            model_name='examresult',
            index=models.Index(fields=['user', 'applied'], name='exam_result_pending'),
        ),
    ]
