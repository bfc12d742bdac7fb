using k8s.Models;

namespace EcosystemMarket.KubernetesTests;

/// <summary>The schema check itself: a manifest with a mistake the API server would refuse fails it.</summary>
public sealed class Schema_check
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: partners
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: partners
          template:
            metadata:
              labels:
                app.kubernetes.io/name: partners
            spec:
              containers:
                - name: partners
                  image: ecosystemmarket/partners:1.0.0
                  ports:
                    - name: http
                      containerPort: 8080
                  env:
                    - name: Messaging__QuorumQueues
                      value: "true"
                  readinessProbe:
                    httpGet:
                      path: /health
                      port: http
                  resources:
                    limits:
                      memory: 512Mi
        """;

    private const string Cluster = """
        apiVersion: rabbitmq.com/v1beta1
        kind: RabbitmqCluster
        metadata:
          name: rabbitmq
        spec:
          replicas: 3
        """;

    [Fact]
    public void Accepts_a_correct_deployment()
    {
        var deployment = Assert.IsType<V1Deployment>(Assert.Single(KubernetesSchema.Read(Deployment)));
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("/health", deployment.Spec.Template.Spec.Containers[0].ReadinessProbe.HttpGet.Path);
    }

    [Theory]
    [InlineData("readinessProbe:", "readinesProbe:")]        // a misspelt field
    [InlineData("replicas: 2", "replica: 2")]                // a misspelt field at the top of the spec
    [InlineData("replicas: 2", "replicas: two")]             // a word where the API wants an integer
    [InlineData("replicas: 2", "replicas: \"2\"")]           // a quoted number: a string, refused as the API server does
    [InlineData("containerPort: 8080", "containerPort: [8080]")]
    [InlineData("value: \"true\"", "value: true")]           // an unquoted boolean where an environment value must be a string
    [InlineData("apiVersion: apps/v1", "apiVersion: apps/v2")] // no such version of the kind
    public void Refuses_a_deployment_with_a_mistake(string correct, string mistake)
    {
        Assert.Contains(correct, Deployment);
        Assert.Throws<SchemaViolation>(() => KubernetesSchema.Read(Deployment.Replace(correct, mistake)));
    }

    [Fact]
    public void Reads_the_custom_resources_by_their_small_schemas_as_strictly()
    {
        Assert.Equal(3, Assert.IsType<RabbitmqCluster>(Assert.Single(KubernetesSchema.Read(Cluster))).Spec.Replicas);
        Assert.Throws<SchemaViolation>(() => KubernetesSchema.Read(Cluster.Replace("replicas: 3", "replica: 3")));
        Assert.Throws<SchemaViolation>(() => KubernetesSchema.Read(Cluster.Replace("replicas: 3", "replicas: three")));
    }
}
