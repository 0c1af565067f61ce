using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// The survey tables. The unique (survey, member key) index is what holds "one response per member", also under
/// parallel submits; answers are rows so results are counted by the database.
/// </summary>
public static class SurveysModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Survey>(e =>
        {
            e.ToTable("Surveys");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Title).HasMaxLength(Survey.MaxTitle);
            e.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
            e.Ignore(s => s.Questions);
            e.HasIndex(s => new { s.ActivityId, s.Purpose });
            e.HasIndex(s => s.Status);
            e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyResponse>(e =>
        {
            e.ToTable("SurveyResponses");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.MemberKey).HasMaxLength(64);
            e.HasIndex(r => new { r.SurveyId, r.MemberKey }).IsUnique();
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyAnswer>(e =>
        {
            e.ToTable("SurveyAnswers");
            e.HasKey(a => a.Id);
            e.Property(a => a.Text).HasMaxLength(4000);
            e.HasIndex(a => new { a.SurveyId, a.Question, a.Value });
            e.HasIndex(a => a.ResponseId);
            e.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        Feedback.FeedbackModel.Configure(b);
    }
}
