namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>content_items.type values the generator uses, in the order of the type-share table of SOURCES.md §2.4.</summary>
public enum ContentType
{
    Video,
    Article,
    Interactive,
    Quiz,
    Resource,
    Forum,
}
