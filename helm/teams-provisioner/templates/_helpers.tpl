{{/* Name of the chart, or nameOverride. */}}
{{- define "teams-provisioner.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of the resources: fullnameOverride, or the release name and the chart's (once if one contains the other). */}}
{{- define "teams-provisioner.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels that select the pods: never change them, Deployments cannot. */}}
{{- define "teams-provisioner.selectorLabels" -}}
app.kubernetes.io/name: {{ include "teams-provisioner.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "teams-provisioner.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "teams-provisioner.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: teams-provisioner
{{- end }}

{{- define "teams-provisioner.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "teams-provisioner.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository:tag, or repository@digest when a digest is given. */}}
{{- define "teams-provisioner.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
The application.yaml of the ConfigMap: `config`, with `policy` as provisioner.policy. Spring Boot
reads it from ./config/ of the working directory (/app), after the packaged files, so it wins.
*/}}
{{- define "teams-provisioner.applicationYaml" -}}
{{- $config := deepCopy .Values.config }}
{{- if .Values.policy }}
{{- $config = mustMergeOverwrite $config (dict "provisioner" (dict "policy" (deepCopy .Values.policy))) }}
{{- end }}
{{- if $config }}
{{- toYaml $config }}
{{- else }}
{{- "# No settings: the packaged defaults and the prod profile apply.\n{}" }}
{{- end }}
{{- end }}

{{/*
The Graph credential type: workload identity whenever the pods get the projected token, else graph.credentialType.
*/}}
{{- define "teams-provisioner.credentialType" -}}
{{- if .Values.workloadIdentity.enabled -}}
workload-identity
{{- else if eq .Values.graph.credentialType "workload-identity" -}}
{{- fail "graph.credentialType workload-identity needs workloadIdentity.enabled (the webhook projects the token it sends)" -}}
{{- else -}}
{{- .Values.graph.credentialType -}}
{{- end -}}
{{- end }}
