namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The fixed word lists that generated names and texts come from (SOURCES.md §2.2 "Names come from fixed lists").</summary>
public static class DemoNames
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Ada", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Nils", "Olga",
        "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Xavi", "Yara", "Zane", "Amir", "Bea", "Chen", "Dana",
        "Emil", "Fay", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Marco", "Nora", "Omar", "Priya", "Raj", "Sofia", "Theo",
        "Uma", "Viktor", "Willa", "Yusuf", "Zoe",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Adams", "Berg", "Costa", "Diaz", "Eriksen", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Meyer",
        "Nakamura", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young", "Zimmer",
        "Alvarez", "Brown", "Chowdhury", "Dubois", "Evans", "Fontaine", "Gupta", "Horvat", "Ivanova", "Jovanovic", "Kim", "Lopez",
        "Moreau", "Novak", "Olsen", "Patel", "Reyes", "Silva", "Torres", "Usman", "Vogel", "Wagner", "Yilmaz", "Zhang",
    ];

    public static IReadOnlyList<string> OrganisationWords { get; } =
    [
        "Northwind", "Bluefin", "Cedar", "Summit", "Harbor", "Lumen", "Quarry", "Redwood", "Silverline", "Tidewater", "Keystone",
        "Brightpath", "Ironbark", "Meridian", "Oakridge", "Pinecrest", "Riverbend", "Stonegate", "Westfield", "Zenith",
    ];

    public static IReadOnlyList<string> OrganisationSuffixes { get; } =
        ["Labs", "Systems", "Health", "Logistics", "Bank", "Retail", "Energy", "Media", "Insurance", "Software"];

    /// <summary>Department names for generated organisations; Engineering and QA come first so every organisation has technical staff.</summary>
    public static IReadOnlyList<string> DepartmentNames { get; } =
    [
        "Engineering", "QA & Testing", "Sales", "Support", "Marketing", "Finance", "Operations", "Product", "Design", "Data",
        "Security", "People", "Legal", "Education", "Management",
    ];

    public static IReadOnlyList<string> SkillCategories { get; } = ["frontend", "backend", "devops", "data", "design", "other"];

    public static IReadOnlyList<IReadOnlyList<string>> SkillNames { get; } =
    [
        ["HTML", "CSS", "JavaScript", "TypeScript", "React", "Vue", "Angular", "Accessibility", "Web Performance", "Responsive Layout",
         "State Management", "Browser APIs", "Web Components", "Frontend Testing", "Svelte", "Next.js", "Webpack", "GraphQL Clients",
         "Animations", "Progressive Web Apps"],
        ["C#", "ASP.NET Core", "Java", "Spring", "Python", "Django", "Go", "Node.js", "REST API Design", "SQL", "PostgreSQL",
         "Message Queues", "Caching", "Authentication", "Domain Modelling", "Microservices", "gRPC", "Concurrency", "Rust", "Kotlin"],
        ["Linux", "Bash", "Docker", "Kubernetes", "Terraform", "CI/CD", "Monitoring", "Logging", "Cloud Networking", "AWS", "Azure",
         "GCP", "Incident Response", "Site Reliability", "Configuration Management", "Helm", "Service Mesh", "Secrets Management",
         "Cost Optimisation", "Capacity Planning"],
        ["Statistics", "Data Cleaning", "Pandas", "Data Visualisation", "Machine Learning", "Deep Learning", "SQL Analytics",
         "Experiment Design", "Time Series", "Feature Engineering", "Data Warehousing", "ETL Pipelines", "Spark", "dbt",
         "Model Evaluation", "NLP", "Forecasting", "Dashboards", "Data Governance", "MLOps"],
        ["UX Research", "Interaction Design", "Visual Design", "Prototyping", "Figma", "Design Systems", "Typography",
         "Colour Theory", "Information Architecture", "Usability Testing", "Wireframing", "Service Design", "Motion Design",
         "Content Design", "Design Critique", "Inclusive Design", "Journey Mapping", "Iconography", "Design Ops", "Illustration"],
        ["Communication", "Project Management", "Agile", "Scrum", "Negotiation", "Presentation", "Technical Writing",
         "Stakeholder Management", "Time Management", "Coaching", "Leadership", "Product Thinking", "Customer Empathy",
         "Conflict Resolution", "Critical Thinking", "Estimation", "Risk Management", "Compliance", "Mentoring", "Budgeting"],
    ];

    public static IReadOnlyList<string> CourseLevels { get; } = ["Foundations of", "Practical", "Advanced", "Applied", "Mastering"];

    public static IReadOnlyList<string> TopicWords { get; } =
    [
        "Introduction", "Core concepts", "Tooling", "First project", "Patterns", "Testing", "Debugging", "Performance", "Security",
        "Collaboration", "Case study", "Deployment", "Review", "Going further", "Capstone",
    ];

    public static IReadOnlyList<(string Name, string Unit, double Target)> Kpis { get; } =
    [
        ("Course completion rate", "%", 85), ("Assessment pass rate", "%", 80), ("Training hours per employee", "h", 40),
        ("Skill coverage of targets", "%", 75), ("Internal mobility", "%", 12), ("Time to proficiency", "days", 90),
        ("Certifications earned", "count", 120), ("Learner satisfaction", "score", 4.3),
    ];

    public static IReadOnlyList<string> ValuePropositions { get; } =
    [
        "Ship features faster with fewer defects", "Reduce operational incidents", "Win more enterprise deals",
        "Meet regulatory obligations", "Make better decisions from data", "Improve customer satisfaction",
    ];

    public static IReadOnlyList<string> PositiveWords { get; } = ["clear", "engaging", "practical", "well paced", "inspiring", "useful"];

    public static IReadOnlyList<string> NegativeWords { get; } = ["confusing", "rushed", "outdated", "dry", "too long", "disorganised"];

    public static IReadOnlyList<string> NeutralWords { get; } = ["okay", "dense", "standard", "fair", "uneven", "long"];

    public static string Pick(IReadOnlyList<string> list, ref Xoshiro256StarStar random) => list[random.NextInt(list.Count)];
}
