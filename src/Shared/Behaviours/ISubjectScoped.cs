using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Marker: the message reads a subject the caller must be allowed to read (API.md §1.6 step 8).</summary>
public interface ISubjectScoped
{
    SubjectArea Area { get; }

    string SubjectId { get; }
}
