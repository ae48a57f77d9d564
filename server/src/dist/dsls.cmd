@echo off
rem dsls for Windows (cmd.exe): runs lib\dsls.jar on Java 17+ with the flags in lib\jvm.options,
rem e.g. `dsls check PATH...`, `dsls lsp`. The same rules as bin/dsls:
rem   DSLS_JAVA       the java.exe to use (else %JAVA_HOME%\bin\java.exe, else java on the PATH)
rem   DSLS_JAVA_OPTS  extra JVM flags, after the ones in lib\jvm.options
rem Unlike bin/dsls it makes no class-data-sharing archive: the server starts without one.
rem The release archive stores this file with CRLF line ends, which cmd needs for labels and goto.
setlocal EnableExtensions DisableDelayedExpansion

for %%I in ("%~dp0..") do set "DSLS_HOME=%%~fI"
set "DSLS_JAR=%DSLS_HOME%\lib\dsls.jar"
if not exist "%DSLS_JAR%" (
  echo dsls: "%DSLS_JAR%" is missing; unpack the whole release archive 1>&2
  exit /b 2
)

set "JAVA_EXE="
if defined DSLS_JAVA (
  set "JAVA_EXE=%DSLS_JAVA%"
  goto :version
)
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
  goto :version
)
for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"

:version
rem The first line that reads `VENDOR version "VERSION"`; lines such as "Picked up
rem JAVA_TOOL_OPTIONS" may come before it. `call` first, so cmd keeps the quotes around a path
rem with spaces or parentheses.
set "JAVA_VERSION="
set "JAVA_MAJOR="
if defined JAVA_EXE if exist "%JAVA_EXE%" (
  for /f "tokens=1-3" %%A in ('call "%JAVA_EXE%" -version 2^>^&1') do (
    if /i "%%B"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~C"
  )
)
rem Java 8 and older report 1.8.0_392.
if defined JAVA_VERSION for /f "tokens=1,2 delims=.-+_" %%M in ("%JAVA_VERSION%") do (
  if "%%M"=="1" (set "JAVA_MAJOR=%%N") else set "JAVA_MAJOR=%%M"
)
if not defined JAVA_VERSION set "JAVA_VERSION=none"
if not defined JAVA_MAJOR goto :old
if %JAVA_MAJOR% GEQ 17 goto :run
:old
echo dsls needs Java 17 or later; found %JAVA_VERSION%; set JAVA_HOME 1>&2
exit /b 2

:run
rem lib\jvm.options: one flag per line, '#' comments (eol=#); blank lines are skipped by for /f.
rem Quoted for call, which would split a flag at '=' otherwise.
set "DSLS_FLAGS="
if exist "%DSLS_HOME%\lib\jvm.options" (
  for /f "usebackq eol=# tokens=*" %%L in ("%DSLS_HOME%\lib\jvm.options") do call :flag "%%L"
)
"%JAVA_EXE%" %DSLS_FLAGS% %DSLS_JAVA_OPTS% -jar "%DSLS_JAR%" %*
exit /b %ERRORLEVEL%

:flag
set "DSLS_FLAGS=%DSLS_FLAGS% %~1"
exit /b 0
